package io.tollgate.oauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.metadata.AuthorizationServerMetadata;
import io.tollgate.oauth.model.ScopeSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The discovery document is the RFC 8414 one plus OIDC members, each from the part that implements it. */
class OpenIdProviderMetadataTest {
    private final OAuthFixture f = new OAuthFixture();
    private final AuthorizationServerMetadata oauth = new AuthorizationServerMetadata(
            ScopeSet.of("openid", "profile", "email", "read"), new GrantHandlers(List.of(f.codeGrant, f.refreshGrant)),
            new ClientAuthenticator(f.clients), false);
    private final AtomicReference<List<String>> algorithms = new AtomicReference<>(List.of("RS256"));
    private final OpenIdProviderMetadata metadata = new OpenIdProviderMetadata(oauth, algorithms::get,
            SubjectIdentifiers.PUBLIC);

    @Test
    void everyRfc8414MemberIsCopiedUnchangedForAnIssuerWithAPath() {
        Map<String, Object> rfc8414 = oauth.describe("https://host.example/o");
        Map<String, Object> oidc = metadata.describe("https://host.example/o");
        rfc8414.forEach((name, value) -> assertThat(oidc.get(name)).as(name).isEqualTo(value));
        assertThat(oidc.get("issuer")).isEqualTo("https://host.example/o");
        assertThat(oidc.get("jwks_uri")).isEqualTo("https://host.example/.well-known/jwks.json");
        assertThat(oidc.get("userinfo_endpoint")).isEqualTo("https://host.example/o/userinfo/");
        assertThat(oidc.get("subject_types_supported")).isEqualTo(List.of("public"));
    }

    @Test
    void signingAlgorithmsAreReadFromTheKeysAtEachRequest() {
        assertThat(metadata.describe("https://a.example").get("id_token_signing_alg_values_supported"))
                .isEqualTo(List.of("RS256"));
        algorithms.set(List.of("ES256"));
        assertThat(metadata.describe("https://a.example").get("id_token_signing_alg_values_supported"))
                .isEqualTo(List.of("ES256"));
    }

    @Test
    void claimsSupportedAreExactlyWhatIdTokensAndUserinfoCanRelease() {
        UserClaims everything = new UserClaims(7, "ada", "ada@example.com", "Ada", "Lovelace");
        Set<String> released = new LinkedHashSet<>(OidcScopes.ID_TOKEN_CLAIMS);
        released.addAll(ScopeClaims.of("7", everything, ScopeSet.of("openid", "profile", "email")).keySet());
        @SuppressWarnings("unchecked")
        List<String> supported = (List<String>) metadata.describe("https://a.example").get("claims_supported");
        assertThat(new ArrayList<>(supported)).containsExactlyInAnyOrderElementsOf(released);
    }
}
