package io.tollgate.oauth.model;

import io.tollgate.oauth.OAuthException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered set of RFC 6749 §3.3 scope tokens. Order is kept because clients and the reference show scopes in
 * the order they were configured or requested ("read write groups").
 */
public record ScopeSet(List<String> scopes) {

    private static final ScopeSet EMPTY = new ScopeSet(List.of());

    public ScopeSet {
        if (scopes == null) {
            scopes = List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (!isScopeToken(scope)) {
                throw OAuthException.invalidScope("The requested scope is malformed.");
            }
            unique.add(scope);
        }
        scopes = List.copyOf(unique);
    }

    public static ScopeSet empty() {
        return EMPTY;
    }

    /** Parses a space-delimited scope parameter; null or blank is empty, runs of spaces are tolerated. */
    public static ScopeSet parse(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return EMPTY;
        }
        List<String> tokens = new ArrayList<>();
        for (String token : spaceSeparated.split(" +")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return new ScopeSet(tokens);
    }

    public static ScopeSet of(String... scopes) {
        return new ScopeSet(List.of(scopes));
    }

    public boolean contains(String scope) {
        return scopes.contains(scope);
    }

    public boolean containsAll(ScopeSet other) {
        return scopes.containsAll(other.scopes);
    }

    /** The scopes of this set that are also in {@code other}, in this set's order. */
    public ScopeSet intersect(ScopeSet other) {
        List<String> kept = new ArrayList<>();
        for (String scope : scopes) {
            if (other.contains(scope)) {
                kept.add(scope);
            }
        }
        return new ScopeSet(kept);
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    public String asString() {
        return String.join(" ", scopes);
    }

    @Override
    public String toString() {
        return asString();
    }

    /** scope-token = 1*( %x21 / %x23-5B / %x5D-7E ): printable ASCII except space, '"' and '\'. */
    static boolean isScopeToken(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
