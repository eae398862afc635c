package io.tollgate.throttle;

import java.time.Duration;

/** Told about every refused attempt (for the log and a metric). Never sees a password or secret. */
@FunctionalInterface
public interface ThrottleObserver {
    ThrottleObserver NONE = (kind, subject, address, retryAfter, ceiling) -> { };

    /**
     * @param subject the username or client_id as presented (untrusted text)
     * @param ceiling true when the subject's ceiling across all addresses refused it, false for the per-address count
     */
    void refused(AttemptThrottle.Kind kind, String subject, String address, Duration retryAfter, boolean ceiling);
}
