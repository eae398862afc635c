package io.tollgate.oauth.model;

import java.time.Clock;
import java.util.Objects;

/**
 * A stored access token joined with what decides whether it still works: its revocation, its user's active
 * flag, and the refresh token it was issued with.
 *
 * @param revoked        nullable
 * @param refreshTokenId nullable
 */
public record ResolvedAccessToken(AccessTokenClaims claims, java.time.Instant revoked, boolean ownerActive,
                                  Long refreshTokenId) {
    public ResolvedAccessToken {
        Objects.requireNonNull(claims, "claims");
    }

    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(claims.expires());
    }
}
