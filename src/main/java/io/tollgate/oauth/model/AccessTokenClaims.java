package io.tollgate.oauth.model;

import java.time.Instant;
import java.util.Set;

/**
 * What a valid access token says, as the resource side needs it; {@code web} maps it to its principal, the
 * introspection endpoint to RFC 7662 members.
 *
 * @param userId     the subject; null for a client acting for itself
 * @param username   null without a user
 * @param ownerRoles the user's roles that widen what they may change ({@link #STAFF}, {@link #SUPERUSER})
 */
public record AccessTokenClaims(long accessTokenId, String tokenHash, String familyId, long clientDbId,
                                String clientId, Long userId, String username, Set<String> ownerRoles,
                                ScopeSet scope, Instant issuedAt, Instant expires) {
    public static final String STAFF = "staff";
    public static final String SUPERUSER = "superuser";

    public AccessTokenClaims {
        Require.nonNull("tokenHash familyId clientId scope expires", tokenHash, familyId, clientId, scope, expires);
        ownerRoles = ownerRoles == null ? Set.of() : Set.copyOf(ownerRoles);
    }

    public boolean hasUser() {
        return userId != null;
    }

    public boolean hasRole(String role) {
        return ownerRoles.contains(role);
    }
}
