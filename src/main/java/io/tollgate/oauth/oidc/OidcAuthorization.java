package io.tollgate.oauth.oidc;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Clock;
import java.time.Instant;
import io.tollgate.oauth.OAuthException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
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
    private final BiFunction<String, String, Optional<String>> hintSubject;
    private final SubjectIdentifiers subjects;

    /** Without a way to verify id_token_hint: a request carrying one is refused. */
    public OidcAuthorization(AuthenticationStore authentications, Clock clock) {
        this(authentications, clock, (hint, clientId) -> Optional.empty(), SubjectIdentifiers.PUBLIC);
    }

    /**
     * @param hintSubject the {@code sub} of an ID token this server issued to the client (expired ones too, as
     *                    OIDC Core allows for id_token_hint), or empty when it is not one
     */
    public OidcAuthorization(AuthenticationStore authentications, Clock clock,
                             BiFunction<String, String, Optional<String>> hintSubject, SubjectIdentifiers subjects) {
        this.authentications = Objects.requireNonNull(authentications, "authentications");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = new SignInPolicy(clock);
        this.hintSubject = Objects.requireNonNull(hintSubject, "hintSubject");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    /** @throws io.tollgate.oauth.OAuthException for the client's redirect URI */
    public OidcRequestParameters parameters(ScopeSet scope, String clientId, Function<String, String> parameter) {
        if (!OidcScopes.isOpenId(scope)) {
            return PLAIN_OAUTH;
        }
        OidcRequestParameters parsed = OidcRequestParameters.parse(parameter);
        if (parsed.idTokenHint() != null && hintSubject.apply(parsed.idTokenHint(), clientId).isEmpty()) {
            throw OAuthException.invalidRequest("The id_token_hint is not an ID token this server issued to you.");
        }
        return parsed;
    }

    /**
     * @param userId the session's user, or null without a session
     */
    public SignInDecision signIn(OidcRequestParameters request, Instant signedInAt, Long userId, String clientId) {
        boolean hintMatches = request.idTokenHint() == null || userId == null
                || hintSubject.apply(request.idTokenHint(), clientId)
                        .map(sub -> sub.equals(subjects.subject(userId, clientId))).orElse(false);
        return policy.signIn(request, signedInAt, false, hintMatches);
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
