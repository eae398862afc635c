package io.tollgate.oauth.grant;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenHasher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantTest {

    private final OAuthFixture f = new OAuthFixture();

    @Test
    void issuesAnAccessTokenWithoutUserOrRefreshToken() {
        Client client = f.confidentialClient("svc", "secret", GrantType.CLIENT_CREDENTIALS);
        TokenResponse response = f.clientCredentialsGrant.handle(client,
                TokenParameters.of(Map.of("grant_type", "client_credentials", "scope", "read")));
        assertThat(response.refreshToken()).isNull();
        assertThat(response.scope().asString()).isEqualTo("read");
        AccessToken stored = f.tokenStore.findAccessToken(TokenHasher.sha256Hex(response.accessToken())).orElseThrow();
        assertThat(stored.userId()).isNull();
        assertThat(stored.refreshTokenId()).isNull();
        assertThat(f.tokenStore.refreshTokens()).isEmpty();
    }

    @Test
    void publicClientIsRefused() {
        Client pub = f.publicClient("spa", GrantType.CLIENT_CREDENTIALS);
        assertOAuthError(() -> f.clientCredentialsGrant.handle(pub,
                TokenParameters.of(Map.of("grant_type", "client_credentials"))), "unauthorized_client");
        assertThat(f.tokenStore.accessTokens()).isEmpty();
    }

    @Test
    void clientCredentialsClientCannotUseRefreshGrant() {
        Client client = f.confidentialClient("svc", "secret", GrantType.CLIENT_CREDENTIALS);
        assertOAuthError(() -> f.handlers.dispatch(client,
                TokenParameters.of(Map.of("grant_type", "refresh_token", "refresh_token", "x"))),
                "unauthorized_client");
    }
}
