package io.tollgate.oauth.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationServerMetadataTest {
    @Test
    void endpointsHangOffTheIssuerAndListsFollowWhatIsWired() {
        Map<String, Object> metadata = AuthorizationServerMetadata.describe("https://auth.example/",
                ScopeSet.of("read", "write"), EnumSet.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN), false);
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
        assertThat(AuthorizationServerMetadata.describe("https://a.example", ScopeSet.of("read"),
                EnumSet.of(GrantType.AUTHORIZATION_CODE), true).get("code_challenge_methods_supported"))
                .isEqualTo(List.of("S256", "plain"));
    }
}
