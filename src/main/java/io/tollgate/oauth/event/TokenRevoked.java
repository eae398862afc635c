package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * One token stopped working before its time. A refresh token takes the access tokens issued with it along;
 * those share its family.
 *
 * @param tokenHash SHA-256 hex of the revoked token
 * @param userId    nullable
 */
public record TokenRevoked(Instant at, Kind kind, Reason reason, String tokenHash, long clientDbId, Long userId,
                           String familyId) implements ProtocolEvent {

    public enum Kind { ACCESS_TOKEN, REFRESH_TOKEN }

    public enum Reason {
        /** RFC 7009: the client revoked it. */
        CLIENT_REQUEST,
        /** The refresh token was exchanged for a new pair. */
        ROTATED
    }
}
