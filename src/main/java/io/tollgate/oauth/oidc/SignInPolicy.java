package io.tollgate.oauth.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides, from the request's prompt and max_age and the browser session, whether the user signs in (again),
 * is asked for consent, or whether the request fails back to the client because prompt=none forbids asking.
 */
public final class SignInPolicy {
    private final Clock clock;

    public SignInPolicy(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param signedInAt         when the session's user signed in, or null without a session
     * @param freshSignIn        the user has just signed in for this very request (after being sent to sign in),
     *                           so prompt=login and max_age are satisfied
     * @param hintedSubjectMatches false when an id_token_hint names a different user than the session's
     */
    public SignInDecision signIn(OidcRequestParameters request, Instant signedInAt, boolean freshSignIn,
                                 boolean hintedSubjectMatches) {
        boolean none = request.prompt().contains(OidcRequestParameters.Prompt.NONE);
        if (signedInAt == null) {
            return none ? SignInDecision.LOGIN_REQUIRED : SignInDecision.SIGN_IN;
        }
        if (freshSignIn) {
            return SignInDecision.CONTINUE;
        }
        if (!hintedSubjectMatches) {
            return none ? SignInDecision.ACCOUNT_MISMATCH : SignInDecision.SIGN_IN;
        }
        boolean tooOld = request.maxAge() != null
                && clock.instant().isAfter(signedInAt.plus(request.maxAge()));
        if (request.forcesLogin() || tooOld) {
            return none ? SignInDecision.LOGIN_REQUIRED : SignInDecision.SIGN_IN;
        }
        return SignInDecision.CONTINUE;
    }

    /**
     * Whether to show the consent page: prompt=consent asks even when remembered (check
     * {@link #consentRequiredError} first, which prompt=none turns into an error instead).
     *
     * @param consentRemembered the user already granted this scope to this client, or it needs no consent
     */
    public boolean mustAskConsent(OidcRequestParameters request, boolean consentRemembered) {
        return request.prompt().contains(OidcRequestParameters.Prompt.CONSENT) || !consentRemembered;
    }

    /** prompt=none with a consent that would have to be asked: consent_required to the client. */
    public boolean consentRequiredError(OidcRequestParameters request, boolean consentRemembered) {
        return request.prompt().contains(OidcRequestParameters.Prompt.NONE) && !consentRemembered;
    }
}
