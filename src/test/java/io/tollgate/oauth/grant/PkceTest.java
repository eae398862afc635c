package io.tollgate.oauth.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

    // RFC 7636 Appendix B.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256MatchesTheRfcVector() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.matches(VERIFIER, CHALLENGE, "S256")).isTrue();
        assertThat(Pkce.matches(VERIFIER, CHALLENGE, "plain")).isFalse();
        assertThat(Pkce.matches(VERIFIER, VERIFIER, "plain")).isTrue();
        assertThat(Pkce.matches(VERIFIER, CHALLENGE, "S512")).isFalse();
    }

    @Test
    void verifierSyntax() {
        assertThat(Pkce.isValidVerifier("a".repeat(43))).isTrue();
        assertThat(Pkce.isValidVerifier("a".repeat(128))).isTrue();
        assertThat(Pkce.isValidVerifier("a".repeat(42))).isFalse();
        assertThat(Pkce.isValidVerifier("a".repeat(129))).isFalse();
        assertThat(Pkce.isValidVerifier("a".repeat(42) + "+")).isFalse();
        assertThat(Pkce.isValidVerifier("-._~" + "Z9".repeat(20))).isTrue();
        assertThat(Pkce.isValidVerifier(null)).isFalse();
    }
}
