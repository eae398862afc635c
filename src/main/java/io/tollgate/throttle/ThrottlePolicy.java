package io.tollgate.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * How one kind of credential is throttled: per (subject, client address), and a higher ceiling per subject across
 * all addresses. An address that recently authenticated as the subject is exempt from the ceiling (still not from
 * its own per-address count) for {@code trustFor}, so failures sprayed from elsewhere cannot lock the owner out.
 */
public record ThrottlePolicy(ThrottleRule perAddress, ThrottleRule perSubject, Duration trustFor) {
    public ThrottlePolicy {
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(perSubject, "perSubject");
        Objects.requireNonNull(trustFor, "trustFor");
        if (trustFor.isNegative()) {
            throw new IllegalArgumentException("trustFor must not be negative");
        }
    }
}
