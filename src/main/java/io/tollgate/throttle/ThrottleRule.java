package io.tollgate.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Exponential back-off for one kind of key: the first {@code freeFailures - 1} failures cost nothing; the
 * {@code freeFailures}-th blocks the key for {@code baseDelay}, each further one doubles the wait up to
 * {@code maxDelay}. A key with no failure for {@code forgetAfter} starts from zero again.
 */
public record ThrottleRule(int freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter) {
    /** 2^20 × baseDelay is far beyond any sensible maxDelay; the cap keeps the arithmetic from overflowing. */
    private static final int MAX_DOUBLINGS = 20;

    public ThrottleRule {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (freeFailures < 1) {
            throw new IllegalArgumentException("freeFailures must be at least 1");
        }
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay");
        }
        if (forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("forgetAfter must be at least maxDelay");
        }
    }

    /** The wait after the {@code failures}-th failure in a row; zero before the back-off starts. */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, MAX_DOUBLINGS);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The row after one more failure at {@code now}; a stale count starts over, a trust is kept. */
    public ThrottleState afterFailure(ThrottleState current, Instant now) {
        boolean stale = current.lastFailure() == null || !now.isBefore(current.lastFailure().plus(forgetAfter));
        int failures = stale ? 1 : current.failures() + 1;
        Duration delay = delayAfter(failures);
        Instant blockedUntil = delay.isZero() ? current.blockedUntil() : latest(current.blockedUntil(), now.plus(delay));
        Instant expires = latest(latest(now.plus(forgetAfter), blockedUntil), current.trustedUntil());
        return new ThrottleState(failures, now, blockedUntil, current.trustedUntil(), expires);
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
