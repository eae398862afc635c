package io.tollgate.oauth.device;

import io.tollgate.oauth.model.Require;
import io.tollgate.oauth.model.ScopeSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One device authorization (RFC 8628 §3.2) as stored: hashes only, never the codes themselves.
 *
 * @param id                0 before the store assigned one
 * @param userId            who approved or denied it; null while pending
 * @param interval          the polling interval this device must keep; grows with every slow_down
 * @param lastPolled        null until the device first polls
 * @param verificationCount how often the user code was entered and its consent page shown
 */
public record DeviceCode(
        long id,
        String deviceCodeHash,
        String userCodeHash,
        long clientDbId,
        ScopeSet scope,
        DeviceCodeStatus status,
        Long userId,
        Duration interval,
        Instant lastPolled,
        int verificationCount,
        Instant created,
        Instant expires) {

    public DeviceCode {
        Require.nonNull("deviceCodeHash userCodeHash scope status interval created expires",
                deviceCodeHash, userCodeHash, scope, status, interval, created, expires);
    }

    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expires);
    }

    /** True when the device asks again before its interval has passed since its last poll. */
    public boolean pollsTooSoon(Instant now) {
        return lastPolled != null && now.isBefore(lastPolled.plus(interval));
    }
}
