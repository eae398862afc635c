package io.tollgate.oauth.model;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored access token; only the hash of the bearer value is ever kept.
 *
 * @param userId         null for client_credentials tokens
 * @param revoked        nullable
 * @param refreshTokenId nullable: the refresh token issued together with this token
 */
public record AccessToken(
        long id,
        String tokenHash,
        long clientDbId,
        String clientId,
        Long userId,
        ScopeSet scope,
        Instant created,
        Instant expires,
        Instant revoked,
        Long refreshTokenId,
        String familyId) {

    public AccessToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(familyId, "familyId");
    }

    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expires);
    }

    public boolean isRevoked() {
        return revoked != null;
    }

    public boolean isActive(Clock clock) {
        return !isRevoked() && !isExpired(clock);
    }
}
