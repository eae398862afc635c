package io.tollgate.oauth.model;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored refresh token (hash only).
 *
 * @param scope   the scope of the original grant; a refresh may narrow the access token but never this
 * @param expires nullable: never expires
 * @param revoked nullable
 */
public record RefreshToken(
        long id,
        String tokenHash,
        long clientDbId,
        Long userId,
        ScopeSet scope,
        Instant created,
        Instant expires,
        Instant revoked,
        String familyId) {

    public RefreshToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(familyId, "familyId");
    }

    public boolean isExpired(Clock clock) {
        return expires != null && !clock.instant().isBefore(expires);
    }

    public boolean isRevoked() {
        return revoked != null;
    }

    public boolean isActive(Clock clock) {
        return !isRevoked() && !isExpired(clock);
    }
}
