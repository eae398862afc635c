package io.tollgate.oauth.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.model.ScopeSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationServerMetadataTest {
    private final OAuthFixture f = new OAuthFixture();

    private AuthorizationServerMetadata metadata(ScopeSet scopes, GrantHandlers grants, boolean allowPlainPkce) {
        return new AuthorizationServerMetadata(scopes, grants, new ClientAuthenticator(f.clients), allowPlainPkce);
    }

    @Test
    void endpointsHangOffTheIssuerAndListsFollowWhatIsWired() {
        Map<String, Object> metadata = metadata(ScopeSet.of("read", "write"),
                new GrantHandlers(List.of(f.passwordGrant, f.refreshGrant)), false).describe("https://auth.example/");
        assertThat(metadata.get("issuer")).isEqualTo("https://auth.example");
        assertThat(metadata.get("token_endpoint")).isEqualTo("https://auth.example/o/token/");
        assertThat(metadata.get("revocation_endpoint")).isEqualTo("https://auth.example/o/revoke_token/");
        assertThat(metadata.get("introspection_endpoint")).isEqualTo("https://auth.example/o/introspect/");
        assertThat(metadata.get("authorization_endpoint")).isEqualTo("https://auth.example/o/authorize/");
        assertThat(metadata.get("grant_types_supported")).isEqualTo(List.of("password", "refresh_token"));
        assertThat(metadata.get("scopes_supported")).isEqualTo(List.of("read", "write"));
        assertThat(metadata.get("response_types_supported")).isEqualTo(List.of("code"));
        assertThat(metadata.get("code_challenge_methods_supported")).isEqualTo(List.of("S256"));
        assertThat(metadata.get("token_endpoint_auth_methods_supported"))
                .isEqualTo(List.of("client_secret_basic", "client_secret_post", "none"));
        assertThat(metadata.get("introspection_endpoint_auth_methods_supported"))
                .isEqualTo(List.of("client_secret_basic", "client_secret_post"));
    }

    @Test
    void plainPkceIsAdvertisedOnlyWhenAllowed() {
        assertThat(metadata(ScopeSet.of("read"), new GrantHandlers(List.of(f.codeGrant)), true)
                .describe("https://a.example").get("code_challenge_methods_supported"))
                .isEqualTo(List.of("S256", "plain"));
    }

    @Test
    void anIssuerWithAPathKeepsItAndTheEndpointsAndResponseModesAreExact() {
        Map<String, Object> metadata = metadata(ScopeSet.of("read"), new GrantHandlers(List.of(f.codeGrant)), false)
                .describe("https://host.example/o");
        assertThat(metadata.get("issuer")).isEqualTo("https://host.example/o");
        assertThat(metadata.get("authorization_endpoint")).isEqualTo("https://host.example/o/authorize/");
        assertThat(metadata.get("token_endpoint")).isEqualTo("https://host.example/o/token/");
        assertThat(metadata.get("response_modes_supported")).isEqualTo(List.of("query", "fragment", "form_post"));
    }
}
