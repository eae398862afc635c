package io.tollgate.oauth.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored access token; only the hash of the bearer value is ever kept.
 *
 * @param revoked        nullable
 * @param refreshTokenId nullable: the refresh token issued together with this token
 */
public record AccessToken(long id, NewAccessToken row, Instant revoked, Long refreshTokenId) implements StoredToken {

    public AccessToken {
        Objects.requireNonNull(row, "row");
    }

    /** @param userId null for client_credentials tokens */
    public AccessToken(long id, String tokenHash, long clientDbId, String clientId, Long userId, ScopeSet scope,
                       Instant created, Instant expires, Instant revoked, Long refreshTokenId, String familyId) {
        this(id, new NewAccessToken(tokenHash, clientDbId, clientId, userId, scope, created, expires, familyId),
                revoked, refreshTokenId);
    }

    public String clientId() {
        return row.clientId();
    }
}
