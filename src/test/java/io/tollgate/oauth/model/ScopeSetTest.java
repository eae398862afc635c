package io.tollgate.oauth.model;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeSetTest {

    @Test
    void parseKeepsOrderAndDropsDuplicates() {
        ScopeSet scope = ScopeSet.parse("write read write groups");
        assertThat(scope.scopes()).containsExactly("write", "read", "groups");
        assertThat(scope.asString()).isEqualTo("write read groups");
    }

    @Test
    void nullAndBlankAreEmpty() {
        assertThat(ScopeSet.parse(null).isEmpty()).isTrue();
        assertThat(ScopeSet.parse("   ").isEmpty()).isTrue();
        assertThat(ScopeSet.parse("").asString()).isEmpty();
    }

    @Test
    void runsOfSpacesAreTolerated() {
        assertThat(ScopeSet.parse("  read   write ").scopes()).containsExactly("read", "write");
    }

    @Test
    void tokensOutsideTheRfcGrammarAreInvalidScope() {
        assertOAuthError(() -> ScopeSet.parse("read \"write\""), "invalid_scope");
        assertOAuthError(() -> ScopeSet.parse("back\\slash"), "invalid_scope");
        assertOAuthError(() -> ScopeSet.parse("tab\tread"), "invalid_scope");
        assertOAuthError(() -> ScopeSet.parse("caf\u00e9"), "invalid_scope");
        assertOAuthError(() -> ScopeSet.of(""), "invalid_scope");
    }

    @Test
    void punctuationAllowedByTheGrammarIsAccepted() {
        assertThat(ScopeSet.parse("user:read https://api.example/x!#$").scopes())
                .containsExactly("user:read", "https://api.example/x!#$");
    }

    @Test
    void intersectKeepsThisOrder() {
        ScopeSet mine = ScopeSet.of("groups", "read", "write");
        assertThat(mine.intersect(ScopeSet.of("write", "groups", "admin")).scopes()).containsExactly("groups", "write");
    }

    @Test
    void containment() {
        ScopeSet scope = ScopeSet.of("read", "write");
        assertThat(scope.contains("read")).isTrue();
        assertThat(scope.contains("groups")).isFalse();
        assertThat(scope.containsAll(ScopeSet.of("write"))).isTrue();
        assertThat(scope.containsAll(ScopeSet.of("write", "groups"))).isFalse();
    }

    @Test
    void listIsCopiedAndImmutable() {
        List<String> source = new java.util.ArrayList<>(List.of("read"));
        ScopeSet scope = new ScopeSet(source);
        source.add("write");
        assertThat(scope.scopes()).containsExactly("read");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scope.scopes().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
