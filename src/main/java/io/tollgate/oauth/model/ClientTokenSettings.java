package io.tollgate.oauth.model;

import java.time.Duration;

/**
 * A client's token policy; null members mean the server's setting.
 *
 * @param accessTokenLifetime  nullable
 * @param refreshTokenLifetime nullable
 * @param accessTokenFormat    the registered format's name, {@code opaque} by default
 */
public record ClientTokenSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime,
                                  String accessTokenFormat) {
    public static final String DEFAULT_FORMAT = "opaque";
    private static final ClientTokenSettings SERVER_DEFAULTS = new ClientTokenSettings(null, null, DEFAULT_FORMAT);

    public ClientTokenSettings {
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
        accessTokenFormat = accessTokenFormat == null || accessTokenFormat.isBlank() ? DEFAULT_FORMAT
                : accessTokenFormat;
    }

    public static ClientTokenSettings serverDefaults() {
        return SERVER_DEFAULTS;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
