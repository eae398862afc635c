package io.tollgate.oauth.token;

import java.time.Duration;
import java.util.Objects;

/**
 * Token lifetimes in one place.
 *
 * @param refreshTokenLifetime nullable: refresh tokens never expire (DOT's default); ours default to 30 days
 */
public record TokenSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime,
                            Duration authorizationCodeLifetime) {

    /** 36000 s matches the reference; 60 s codes follow RFC 6749 §4.1.2's "10 minutes maximum" with margin. */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(36000);
    public static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);
    public static final Duration DEFAULT_AUTHORIZATION_CODE_LIFETIME = Duration.ofSeconds(60);

    public TokenSettings {
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        if (refreshTokenLifetime != null) {
            requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
        }
        requirePositive(authorizationCodeLifetime, "authorizationCodeLifetime");
    }

    public static TokenSettings defaults() {
        return new TokenSettings(DEFAULT_ACCESS_TOKEN_LIFETIME, DEFAULT_REFRESH_TOKEN_LIFETIME,
                DEFAULT_AUTHORIZATION_CODE_LIFETIME);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
