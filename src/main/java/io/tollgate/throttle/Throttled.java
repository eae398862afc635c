package io.tollgate.throttle;

import java.time.Duration;

/** The attempt was refused without checking its credentials: too many recent failures. */
public final class Throttled extends RuntimeException {
    private final Duration retryAfter;

    public Throttled(Duration retryAfter) {
        // Thrown on every refused attempt of a guessing attack: no stack trace to build.
        super("throttled for " + retryAfter, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1: what the Retry-After header and the message say. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** Rounded up, at least 1: waiting the whole seconds said is always long enough. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
