package io.tollgate.oauth.grant;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantTest {

    private static final String REDIRECT = "https://app.example/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final OAuthFixture f = new OAuthFixture();
    private final Client client = f.publicClient("spa", GrantType.AUTHORIZATION_CODE);
    private final ResourceOwner alice = f.owners.add("alice", "pw", true);

    private String issueCode(Client to, String challenge, String method) {
        String code = f.generator.generate();
        f.codes.save(new AuthorizationCode(TokenHasher.sha256Hex(code), to.id(), alice.userId(), REDIRECT,
                ScopeSet.of("read", "groups"), challenge, method, f.clock.instant(),
                f.clock.instant().plusSeconds(60), UUID.randomUUID().toString()));
        return code;
    }

    private TokenResponse redeem(Client as, String code, String redirectUri, String verifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        if (redirectUri != null) {
            params.put("redirect_uri", redirectUri);
        }
        if (verifier != null) {
            params.put("code_verifier", verifier);
        }
        return f.codeGrant.handle(as, TokenParameters.of(params));
    }

    private AccessToken access(TokenResponse response) {
        return f.tokenStore.findAccessToken(TokenHasher.sha256Hex(response.accessToken())).orElseThrow();
    }

    @Test
    void successWithS256() {
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        TokenResponse response = redeem(client, code, REDIRECT, VERIFIER);
        assertThat(response.scope().asString()).isEqualTo("read groups");
        assertThat(response.refreshToken()).hasSize(43);
        assertThat(access(response).userId()).isEqualTo(alice.userId());
        assertThat(access(response).isActive(f.clock)).isTrue();
    }

    @Test
    void successWithPlain() {
        String code = issueCode(client, VERIFIER, Pkce.PLAIN);
        assertThat(redeem(client, code, REDIRECT, VERIFIER).accessToken()).hasSize(43);
    }

    @Test
    void confidentialClientWithoutPkce() {
        Client web = f.confidentialClient("web", "secret", GrantType.AUTHORIZATION_CODE);
        assertThat(redeem(web, issueCode(web, null, null), REDIRECT, null).accessToken()).hasSize(43);
    }

    @Test
    void wrongVerifier() {
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        assertOAuthError(() -> redeem(client, code, REDIRECT, "x".repeat(43)), "invalid_grant");
        assertThat(f.tokenStore.accessTokens()).isEmpty();
        // The failed attempt burned the code.
        assertOAuthError(() -> redeem(client, code, REDIRECT, VERIFIER), "invalid_grant");
    }

    @Test
    void missingVerifier() {
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        assertOAuthError(() -> redeem(client, code, REDIRECT, null), "invalid_grant");
    }

    @Test
    void verifierWithoutStoredChallenge() {
        String code = issueCode(client, null, null);
        assertOAuthError(() -> redeem(client, code, REDIRECT, VERIFIER), "invalid_grant");
    }

    @Test
    void redirectUriMismatch() {
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        assertOAuthError(() -> redeem(client, code, REDIRECT + "/", VERIFIER), "invalid_grant");
    }

    @Test
    void redirectUriMissing() {
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        assertOAuthError(() -> redeem(client, code, null, VERIFIER), "invalid_grant");
    }

    @Test
    void expiredCode() {
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        f.clock.advance(Duration.ofSeconds(60));
        assertOAuthError(() -> redeem(client, code, REDIRECT, VERIFIER), "invalid_grant");
    }

    @Test
    void anotherClientsCode() {
        Client other = f.publicClient("other", GrantType.AUTHORIZATION_CODE);
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        assertOAuthError(() -> redeem(other, code, REDIRECT, VERIFIER), "invalid_grant");
    }

    @Test
    void unknownCode() {
        assertOAuthError(() -> redeem(client, "nope", REDIRECT, VERIFIER), "invalid_grant");
    }

    @Test
    void replayRevokesWhatTheFirstRedemptionIssued() {
        String code = issueCode(client, Pkce.s256(VERIFIER), Pkce.S256);
        TokenResponse first = redeem(client, code, REDIRECT, VERIFIER);
        TokenResponse refreshed = f.refreshGrant.handle(client, TokenParameters.of(
                Map.of("grant_type", "refresh_token", "refresh_token", first.refreshToken())));

        assertOAuthError(() -> redeem(client, code, REDIRECT, VERIFIER), "invalid_grant");

        assertThat(access(first).isActive(f.clock)).isFalse();
        assertThat(access(refreshed).isActive(f.clock)).isFalse();
        assertThat(f.tokenStore.refreshTokens()).allSatisfy(r -> assertThat(r.isRevoked()).isTrue());
    }
}
