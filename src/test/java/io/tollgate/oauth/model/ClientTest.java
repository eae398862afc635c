package io.tollgate.oauth.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import org.junit.jupiter.api.Test;

class ClientTest {

    private final OAuthFixture f = new OAuthFixture();

    @Test
    void refreshIsImpliedByGrantsThatIssueRefreshTokens() {
        // The rule lives with the registered handlers (issuesRefreshTokens()), not in the client.
        assertThat(f.handlers.allows(f.client("p", null, ClientType.CONFIDENTIAL, null, GrantType.PASSWORD),
                GrantType.REFRESH_TOKEN)).isTrue();
        assertThat(f.handlers.allows(f.client("c", null, ClientType.PUBLIC, null, GrantType.AUTHORIZATION_CODE),
                GrantType.REFRESH_TOKEN)).isTrue();
        Client cc = f.client("cc", null, ClientType.CONFIDENTIAL, null, GrantType.CLIENT_CREDENTIALS);
        assertThat(f.handlers.allows(cc, GrantType.REFRESH_TOKEN)).isFalse();
        assertThat(f.handlers.allows(cc, GrantType.PASSWORD)).isFalse();
        assertThat(f.handlers.allows(cc, GrantType.CLIENT_CREDENTIALS)).isTrue();
    }

    @Test
    void redirectUriMatchIsExact() {
        Client client = f.client("c", null, ClientType.PUBLIC, null, GrantType.AUTHORIZATION_CODE);
        assertThat(client.allowsRedirectUri("https://app.example/callback")).isTrue();
        assertThat(client.allowsRedirectUri("https://app.example/callback/")).isFalse();
        assertThat(client.allowsRedirectUri("https://APP.example/callback")).isFalse();
        assertThat(client.allowsRedirectUri("https://app.example/callback?x=1")).isFalse();
        assertThat(client.allowsRedirectUri(null)).isFalse();
    }

    @Test
    void wireNamesRoundTrip() {
        for (GrantType type : GrantType.RFC_6749) {
            assertThat(f.handlers.byName(type.wireName())).contains(type);
        }
        assertThat(f.handlers.byName("PASSWORD")).isEmpty();
        assertThat(ClientType.fromWire("public")).contains(ClientType.PUBLIC);
        assertThat(ClientType.fromWire("secret")).isEmpty();
    }
}
