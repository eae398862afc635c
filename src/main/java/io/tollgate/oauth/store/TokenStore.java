package io.tollgate.oauth.store;

import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.SealedSuccessor;
import java.time.Instant;
import java.util.Optional;

/** Storage of access and refresh tokens. Only hashes are ever passed in; lookups are by hash. */
public interface TokenStore {

    /**
     * Atomically inserts the access token and, when {@code refresh} is not null, the refresh token, linking the
     * access token's refreshTokenId to it; either both rows are stored or neither.
     */
    IssuedIds save(NewAccessToken access, NewRefreshToken refresh);

    /**
     * Refresh-token rotation in one transaction: revokes refresh token {@code oldRefreshTokenId} and the access
     * tokens issued with it ONLY if it is not yet revoked (conditional update), then saves the new pair as
     * {@link #save} does. Returns empty, writing nothing, if the old token was already revoked; of N concurrent
     * calls for the same token exactly one succeeds.
     */
    default Optional<IssuedIds> rotate(long oldRefreshTokenId, Instant at, NewAccessToken access,
                                       NewRefreshToken refresh) {
        return rotate(oldRefreshTokenId, at, access, refresh, null);
    }

    /**
     * {@link #rotate(long, Instant, NewAccessToken, NewRefreshToken)} that also keeps {@code sealedSuccessor}
     * (nullable) with rotation time {@code at} on the old row, and drops the seal every other token of the
     * family carried: only the immediately previous refresh token may ever be replayed.
     */
    Optional<IssuedIds> rotate(long oldRefreshTokenId, Instant at, NewAccessToken access, NewRefreshToken refresh,
                               String sealedSuccessor);

    /** The seal stored when this refresh token was rotated, if it still has one. */
    Optional<SealedSuccessor> findSealedSuccessor(long refreshTokenId);

    /** The access token with this hash, whatever its state (revoked and expired ones included), or empty. */
    Optional<AccessToken> findAccessToken(String tokenHash);

    /** The refresh token with this hash, whatever its state, or empty. */
    Optional<RefreshToken> findRefreshToken(String tokenHash);

    /**
     * {@link #findRefreshToken} and whether its owner may still use it (no user, or a user who still exists and is
     * active, as {@code owners.findActive} says): what the refresh grant needs, which a database answers in one
     * look-up instead of two.
     */
    default Optional<RefreshTokenAndOwner> findRefreshTokenAndOwner(String tokenHash,
                                                                    ResourceOwnerAuthenticator owners) {
        return findRefreshToken(tokenHash).map(token -> new RefreshTokenAndOwner(token,
                token.userId() == null || owners.findActive(token.userId()).isPresent()));
    }

    /** A refresh token with its owner's standing at the time of the look-up. */
    record RefreshTokenAndOwner(RefreshToken token, boolean ownerActive) {
    }

    /**
     * Conditionally revokes a refresh token and every access token linked to it; returns true only for the call
     * that changed it from not revoked to revoked (atomic, so concurrent callers see exactly one true).
     */
    boolean revokeRefreshToken(long refreshTokenId, Instant at);

    /** Revokes one access token if not yet revoked; returns true if this call revoked it. */
    boolean revokeAccessToken(long accessTokenId, Instant at);

    /**
     * Revokes every not-yet-revoked access and refresh token of the family and drops the family's successor
     * seals, so nothing of it can be replayed; returns how many tokens changed.
     */
    int revokeFamily(String familyId, Instant at);
}
