package io.tollgate.throttle;

import java.time.Instant;

/**
 * One throttle row: failures counted for one key, and until when it is blocked or trusted. Instants are
 * nullable: never failed, not blocked, not trusted. {@code expires} is when the row stops mattering, so the
 * purge may delete it.
 */
public record ThrottleState(int failures, Instant lastFailure, Instant blockedUntil, Instant trustedUntil,
                            Instant expires) {
    public static final ThrottleState NONE = new ThrottleState(0, null, null, null, null);

    public ThrottleState {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }

    public boolean blockedAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    public boolean trustedAt(Instant now) {
        return trustedUntil != null && now.isBefore(trustedUntil);
    }
}
