package io.tollgate.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one username within {@code window},
 * further attempts for it are refused without checking the password until the window has passed since the
 * last failure. Counts are per node and bounded in memory; unknown usernames count like known ones, so the
 * throttle tells nothing about which exist. Refusing before hashing also keeps a guessing attack from
 * burning the server's CPU on PBKDF2.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Cache<String, Integer> failures;

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.failures = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** A throttle that never refuses. */
    public static LoginThrottle unlimited() {
        return new LoginThrottle(Integer.MAX_VALUE, Duration.ofSeconds(1), Clock.systemUTC());
    }

    public boolean allows(String username) {
        Integer count = failures.getIfPresent(key(username));
        return count == null || count < maxFailures;
    }

    public void failed(String username) {
        failures.asMap().merge(key(username), 1, Integer::sum);
    }

    public void succeeded(String username) {
        failures.invalidate(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username;
    }
}
