package io.tollgate.oauth.scope;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import org.junit.jupiter.api.Test;

class ScopeRegistryTest {

    private final OAuthFixture f = new OAuthFixture();
    private final ScopeRegistry registry = f.scopes;
    private final Client anyScope = f.client("any", "h", ClientType.CONFIDENTIAL, null, GrantType.PASSWORD);
    private final Client readOnly =
            f.client("ro", "h", ClientType.CONFIDENTIAL, ScopeSet.of("read"), GrantType.PASSWORD);

    @Test
    void noScopeGivesTheDefaultsInConfiguredOrder() {
        assertThat(registry.resolve(null, anyScope).asString()).isEqualTo("read write groups");
        assertThat(registry.resolve("  ", anyScope).asString()).isEqualTo("read write groups");
    }

    @Test
    void defaultsAreNarrowedToTheClientsAllowedScopes() {
        assertThat(registry.resolve(null, readOnly).asString()).isEqualTo("read");
    }

    @Test
    void requestedScopeNarrows() {
        assertThat(registry.resolve("read", anyScope).asString()).isEqualTo("read");
        assertThat(registry.resolve("groups read", anyScope).asString()).isEqualTo("groups read");
    }

    @Test
    void unknownScopeIsInvalidScope() {
        assertOAuthError(() -> registry.resolve("read admin", anyScope), "invalid_scope");
    }

    @Test
    void scopeOutsideTheClientsAllowedScopesIsInvalidScope() {
        assertOAuthError(() -> registry.resolve("write", readOnly), "invalid_scope");
    }

    @Test
    void emptyDefaultResultIsInvalidScope() {
        Client onlyUnconfigured =
                f.client("x", "h", ClientType.CONFIDENTIAL, ScopeSet.of("admin"), GrantType.PASSWORD);
        assertOAuthError(() -> registry.resolve(null, onlyUnconfigured), "invalid_scope");
    }

    @Test
    void defaultsMustBeConfigured() {
        assertThatThrownBy(() -> new ScopeRegistry(OAuthFixture.tutorialScopes(), ScopeSet.of("admin")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describeFollowsTheGivenOrder() {
        assertThat(registry.describe(ScopeSet.of("groups", "read")))
                .containsExactly(java.util.Map.entry("groups", "Access to your groups"),
                        java.util.Map.entry("read", "Read scope"));
    }
}
