package io.tollgate.oauth.device;

import java.time.Duration;
import java.util.Objects;

/**
 * The device flow's limits.
 *
 * @param codeLifetime           how long a device code and its user code work (expires_in)
 * @param interval               the polling interval a device starts with (interval)
 * @param maxEntriesPerCode      how often one user code may be entered and its consent page shown
 * @param maxFailuresPerSession  wrong user codes one browser session may enter within {@code failureWindow}
 * @param maxFailuresPerUser     wrong user codes one account may enter within {@code failureWindow}, over all
 *                               its sessions
 * @param failureWindow          how long a wrong code counts (since the last one)
 */
public record DeviceSettings(Duration codeLifetime, Duration interval, int maxEntriesPerCode,
                             int maxFailuresPerSession, int maxFailuresPerUser, Duration failureWindow) {

    /** RFC 8628 §3.5: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
    public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    public DeviceSettings {
        Objects.requireNonNull(codeLifetime, "codeLifetime");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(failureWindow, "failureWindow");
        if (codeLifetime.toSeconds() < 1 || interval.toSeconds() < 1 || failureWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("Device flow durations must be at least one second");
        }
        if (maxEntriesPerCode < 1 || maxFailuresPerSession < 1 || maxFailuresPerUser < 1) {
            throw new IllegalArgumentException("Device flow limits must be at least 1");
        }
    }

    /**
     * Ten minutes to walk to a computer and type 8 characters; RFC 8628's own example interval. Five wrong codes
     * per session and ten per account in 15 minutes: a person mistypes a few times, a guesser needs about 2^39.
     */
    public static DeviceSettings defaults() {
        return new DeviceSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), 5, 5, 10, Duration.ofMinutes(15));
    }
}
