package io.tollgate.oauth.oidc;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the authorization endpoint does for OpenID Connect requests (scope {@code openid}): parse their
 * parameters, decide on sign-in and consent under prompt and max_age, and keep the sign-in facts of the code's
 * grant family for the ID token. A plain OAuth request gets none of it.
 */
public final class OidcAuthorization {
    private static final OidcRequestParameters PLAIN_OAUTH = new OidcRequestParameters(Set.of(), null, null, null, null);

    private final AuthenticationStore authentications;
    private final SignInPolicy policy;
    private final Clock clock;

    public OidcAuthorization(AuthenticationStore authentications, Clock clock) {
        this.authentications = Objects.requireNonNull(authentications, "authentications");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = new SignInPolicy(clock);
    }

    /** @throws io.tollgate.oauth.OAuthException for the client's redirect URI */
    public OidcRequestParameters parameters(ScopeSet scope, Function<String, String> parameter) {
        return OidcScopes.isOpenId(scope) ? OidcRequestParameters.parse(parameter) : PLAIN_OAUTH;
    }

    public SignInDecision signIn(OidcRequestParameters request, Instant signedInAt) {
        return policy.signIn(request, signedInAt, false, true);
    }

    /** prompt=none, and consent would have to be asked: consent_required. */
    public boolean consentRequired(OidcRequestParameters request, boolean mustAskConsent) {
        return policy.consentRequiredError(request, !mustAskConsent);
    }

    /** prompt=consent asks again even when the consent is remembered. */
    public boolean mustAskConsent(OidcRequestParameters request, boolean mustAskConsent) {
        return policy.mustAskConsent(request, !mustAskConsent);
    }

    /** Keeps the sign-in facts of the family a code starts, for an OpenID Connect request; else nothing. */
    public Consumer<String> signInRecorder(ScopeSet scope, Instant signedInAt, String sessionId, String nonce) {
        if (!OidcScopes.isOpenId(scope)) {
            return family -> { };
        }
        Instant authTime = signedInAt == null ? clock.instant() : signedInAt;
        return family -> authentications.save(new Authentication(family, authTime, sessionId, nonce), clock.instant());
    }
}
