package io.tollgate.oauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.MutableClock;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.oidc.OidcRequestParameters.Prompt;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {
    private final MutableClock clock = MutableClock.startingAt("2026-05-01T12:00:00Z");
    private final SignInPolicy policy = new SignInPolicy(clock);

    private static OidcRequestParameters parse(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return OidcRequestParameters.parse(map::get);
    }

    private static String errorOf(String... pairs) {
        try {
            parse(pairs);
            return null;
        } catch (OAuthException e) {
            return e.error();
        }
    }

    @Test
    void parsesPromptMaxAgeNonceAndHints() {
        OidcRequestParameters p = parse("prompt", "login consent", "max_age", "300", "nonce", "n-1",
                "login_hint", "alice", "ui_locales", "fr-CA", "response_mode", "query");
        assertThat(p.prompt()).containsExactlyInAnyOrder(Prompt.LOGIN, Prompt.CONSENT);
        assertThat(p.maxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.nonce()).isEqualTo("n-1");
        assertThat(p.loginHint()).isEqualTo("alice");
        assertThat(parse().prompt()).isEmpty();
        assertThat(parse("prompt", "select_account").forcesLogin()).isTrue();
    }

    @Test
    void refusesWhatIsNotImplementedByName() {
        assertThat(errorOf("request", "eyJ.x.y")).isEqualTo("request_not_supported");
        assertThat(errorOf("request_uri", "https://rp/req")).isEqualTo("request_uri_not_supported");
        assertThat(errorOf("registration", "{}")).isEqualTo("registration_not_supported");
        assertThat(errorOf("claims", "{\"userinfo\":{}}")).isEqualTo("invalid_request");
    }

    @Test
    void refusesMalformedValues() {
        assertThat(errorOf("prompt", "none login")).isEqualTo("invalid_request");
        assertThat(errorOf("prompt", "sometimes")).isEqualTo("invalid_request");
        assertThat(errorOf("prompt", "")).isEqualTo("invalid_request");
        assertThat(errorOf("max_age", "-1")).isEqualTo("invalid_request");
        assertThat(errorOf("max_age", "1e3")).isEqualTo("invalid_request");
        assertThat(errorOf("max_age", "99999999999")).isEqualTo("invalid_request");
        assertThat(errorOf("nonce", "a\u0000b")).isEqualTo("invalid_request");
        assertThat(errorOf("nonce", "x".repeat(513))).isEqualTo("invalid_request");
        assertThat(errorOf("nonce", "x".repeat(512))).isNull();
        assertThatThrownBy(() -> parse("login_hint", "a\nb")).isInstanceOf(OAuthException.class);
    }

    @Test
    void withoutASessionTheUserSignsInUnlessPromptNoneForbidsAsking() {
        assertThat(policy.signIn(parse(), null, false, true)).isEqualTo(SignInDecision.SIGN_IN);
        assertThat(policy.signIn(parse("prompt", "none"), null, false, true)).isEqualTo(SignInDecision.LOGIN_REQUIRED);
    }

    @Test
    void promptLoginAndSelectAccountSignInAgainOnceAndThenContinue() {
        Instant session = clock.instant().minusSeconds(10);
        assertThat(policy.signIn(parse("prompt", "login"), session, false, true)).isEqualTo(SignInDecision.SIGN_IN);
        assertThat(policy.signIn(parse("prompt", "select_account"), session, false, true)).isEqualTo(SignInDecision.SIGN_IN);
        assertThat(policy.signIn(parse("prompt", "login"), clock.instant(), true, true)).isEqualTo(SignInDecision.CONTINUE);
        assertThat(policy.signIn(parse(), session, false, true)).isEqualTo(SignInDecision.CONTINUE);
    }

    @Test
    void maxAgeForcesAFreshSignInOnceTheSessionIsOlder() {
        Instant session = clock.instant().minusSeconds(300);
        assertThat(policy.signIn(parse("max_age", "300"), session, false, true)).isEqualTo(SignInDecision.CONTINUE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(policy.signIn(parse("max_age", "300"), session, false, true)).isEqualTo(SignInDecision.SIGN_IN);
        assertThat(policy.signIn(parse("max_age", "300", "prompt", "none"), session, false, true))
                .isEqualTo(SignInDecision.LOGIN_REQUIRED);
        assertThat(policy.signIn(parse("max_age", "0"), clock.instant(), true, true)).isEqualTo(SignInDecision.CONTINUE);
    }

    @Test
    void anIdTokenHintForAnotherUserIsAMismatchUnderPromptNone() {
        Instant session = clock.instant();
        assertThat(policy.signIn(parse("prompt", "none"), session, false, false)).isEqualTo(SignInDecision.ACCOUNT_MISMATCH);
        assertThat(policy.signIn(parse(), session, false, false)).isEqualTo(SignInDecision.SIGN_IN);
    }

    @Test
    void consentIsAskedAgainOnPromptConsentAndRefusedUnderPromptNone() {
        assertThat(policy.mustAskConsent(parse(), true)).isFalse();
        assertThat(policy.mustAskConsent(parse(), false)).isTrue();
        assertThat(policy.mustAskConsent(parse("prompt", "consent"), true)).isTrue();
        assertThat(policy.consentRequiredError(parse("prompt", "none"), false)).isTrue();
        assertThat(policy.consentRequiredError(parse("prompt", "none"), true)).isFalse();
        assertThat(policy.consentRequiredError(parse(), false)).isFalse();
        assertThat(parse("prompt", "none").prompt()).isEqualTo(Set.of(Prompt.NONE));
    }
}
