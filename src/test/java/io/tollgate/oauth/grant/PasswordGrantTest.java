package io.tollgate.oauth.grant;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenHasher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordGrantTest {

    private final OAuthFixture f = new OAuthFixture();
    private final Client client = f.confidentialClient("app", "secret", GrantType.PASSWORD);
    private final ResourceOwner alice = f.owners.add("alice", "correct horse", true);

    private TokenResponse request(String username, String password, String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "password");
        params.put("username", username);
        params.put("password", password);
        if (scope != null) {
            params.put("scope", scope);
        }
        return f.passwordGrant.handle(client, TokenParameters.of(params));
    }

    @Test
    void successHasTheReferenceShape() {
        TokenResponse response = request("alice", "correct horse", null);
        assertThat(response.tokenType()).isEqualTo("Bearer");
        assertThat(response.expiresIn()).isEqualTo(36000);
        assertThat(response.scope().asString()).isEqualTo("read write groups");
        assertThat(response.refreshToken()).isNotNull().hasSize(43).isNotEqualTo(response.accessToken());
        AccessToken stored = f.tokenStore.findAccessToken(TokenHasher.sha256Hex(response.accessToken())).orElseThrow();
        assertThat(stored.userId()).isEqualTo(alice.userId());
        assertThat(stored.clientId()).isEqualTo("app");
        assertThat(stored.expires()).isEqualTo(f.clock.instant().plusSeconds(36000));
        assertThat(stored.isActive(f.clock)).isTrue();
    }

    @Test
    void scopeReadNarrows() {
        assertThat(request("alice", "correct horse", "read").scope().asString()).isEqualTo("read");
    }

    @Test
    void wrongPasswordGivesTheReferenceError() {
        OAuthException e = assertOAuthError(() -> request("alice", "wrong", null), "invalid_grant");
        assertThat(e.description()).isEqualTo("Invalid credentials given.");
        assertThat(e.status()).isEqualTo(400);
        assertThat(f.tokenStore.accessTokens()).isEmpty();
    }

    @Test
    void unknownUserGivesTheSameError() {
        assertThat(assertOAuthError(() -> request("mallory", "x", null), "invalid_grant").description())
                .isEqualTo("Invalid credentials given.");
    }

    @Test
    void inactiveUserGivesTheSameError() {
        f.owners.setActive(alice.userId(), false);
        assertThat(assertOAuthError(() -> request("alice", "correct horse", null), "invalid_grant").description())
                .isEqualTo("Invalid credentials given.");
    }

    @Test
    void unknownScopeIsInvalidScope() {
        assertOAuthError(() -> request("alice", "correct horse", "admin"), "invalid_scope");
    }

    @Test
    void missingPasswordIsInvalidRequest() {
        assertOAuthError(() -> f.passwordGrant.handle(client,
                TokenParameters.of(Map.of("grant_type", "password", "username", "alice"))), "invalid_request");
    }
}
