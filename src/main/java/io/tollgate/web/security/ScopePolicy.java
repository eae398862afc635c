package io.tollgate.web.security;

import io.tollgate.oauth.model.ScopeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A resource's access rule, written in its {@code @RolesAllowed} value as '+'-joined terms, mirroring the
 * tutorial's permission classes:
 * <ul>
 *   <li>{@code user}: the token must belong to a user (DRF's IsAuthenticated; client-credentials tokens fail);</li>
 *   <li>{@code read-write}: TokenHasReadWriteScope, read for safe methods and write for the rest;</li>
 *   <li>any other term: a scope the token must hold whatever the method (TokenHasScope).</li>
 * </ul>
 * Example: {@code @RolesAllowed(ScopePolicy.USERS)} is {@code "user+read-write"}.
 */
public record ScopePolicy(boolean userRequired, boolean readWrite, List<String> requiredScopes) {
    public static final String USER = "user";
    public static final String READ_WRITE = "read-write";
    /** The users API: a user's token with read (safe methods) or write. */
    public static final String USERS = USER + "+" + READ_WRITE;
    /** The groups API: a user's token with the groups scope, as the tutorial's GroupViewSet. */
    public static final String GROUPS = USER + "+groups";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    public ScopePolicy {
        requiredScopes = List.copyOf(requiredScopes);
    }

    public static ScopePolicy parse(String role) {
        boolean user = false;
        boolean readWrite = false;
        List<String> scopes = new ArrayList<>();
        for (String term : role.split("\\+")) {
            switch (term.strip()) {
                case USER -> user = true;
                case READ_WRITE -> readWrite = true;
                case "" -> { }
                default -> scopes.add(term.strip());
            }
        }
        return new ScopePolicy(user, readWrite, scopes);
    }

    /** The scopes a request with this HTTP method needs. */
    public ScopeSet scopesFor(String httpMethod) {
        List<String> needed = new ArrayList<>();
        if (readWrite) {
            needed.add(SAFE_METHODS.contains(httpMethod) ? "read" : "write");
        }
        needed.addAll(requiredScopes);
        return new ScopeSet(needed.stream().distinct().toList());
    }

    public boolean allows(TokenPrincipal principal, String httpMethod) {
        return (!userRequired || principal.hasUser()) && principal.scope().containsAll(scopesFor(httpMethod));
    }
}
