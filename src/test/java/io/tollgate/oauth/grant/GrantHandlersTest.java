package io.tollgate.oauth.grant;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantHandlersTest {

    private final OAuthFixture f = new OAuthFixture();
    private final Client client = f.confidentialClient("app", "secret", GrantType.PASSWORD);

    @Test
    void missingGrantTypeIsInvalidRequest() {
        assertOAuthError(() -> f.handlers.dispatch(client, TokenParameters.of(Map.of())), "invalid_request");
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        assertOAuthError(() -> f.handlers.dispatch(client,
                TokenParameters.of(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"))),
                "unsupported_grant_type");
    }

    @Test
    void knownButUnregisteredGrantTypeIsUnsupported() {
        GrantHandlers onlyPassword = new GrantHandlers(List.of(f.passwordGrant));
        Client cc = f.confidentialClient("cc", "s", GrantType.CLIENT_CREDENTIALS);
        assertOAuthError(() -> onlyPassword.dispatch(cc,
                TokenParameters.of(Map.of("grant_type", "client_credentials"))), "unsupported_grant_type");
    }

    @Test
    void clientNotAllowedTheGrantIsUnauthorizedClient() {
        OAuthException e = assertOAuthError(() -> f.handlers.dispatch(client,
                TokenParameters.of(Map.of("grant_type", "client_credentials"))), "unauthorized_client");
        assertThat(e.description()).isEqualTo("Client is not authorized to use this grant type.");
    }

    @Test
    void passwordClientMayUseRefreshTokenGrant() {
        // Reaches the handler, which then complains about the missing refresh_token, not about the grant.
        OAuthException e = assertOAuthError(() -> f.handlers.dispatch(client,
                TokenParameters.of(Map.of("grant_type", "refresh_token"))), "invalid_request");
        assertThat(e.description()).isEqualTo("Missing parameter: refresh_token");
    }

    @Test
    void dispatchesToTheHandler() {
        f.owners.add("alice", "pw", true);
        var response = f.handlers.dispatch(client,
                TokenParameters.of(Map.of("grant_type", "password", "username", "alice", "password", "pw")));
        assertThat(response.accessToken()).hasSize(43);
    }

    @Test
    void twoHandlersForOneGrantAreAConfigurationError() {
        assertThatThrownBy(() -> new GrantHandlers(List.of(f.passwordGrant, f.passwordGrant)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
