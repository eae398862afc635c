package io.tollgate.oauth.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored refresh token (hash only). Its scope is the scope of the original grant: a refresh may narrow the
 * access token but never this.
 *
 * @param revoked nullable
 */
public record RefreshToken(long id, NewRefreshToken row, Instant revoked) implements StoredToken {

    public RefreshToken {
        Objects.requireNonNull(row, "row");
    }

    /** @param expires nullable: never expires */
    public RefreshToken(long id, String tokenHash, long clientDbId, Long userId, ScopeSet scope, Instant created,
                        Instant expires, Instant revoked, String familyId) {
        this(id, new NewRefreshToken(tokenHash, clientDbId, userId, scope, created, expires, familyId), revoked);
    }
}
