package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck.Result;
import io.tollgate.oauth.keys.ActiveSigningKey;
import io.tollgate.oauth.keys.SigningKeys;
import java.time.Duration;
import java.util.Optional;

/**
 * Unhealthy when nothing can sign (no current key, or it does not open under the configured key-encryption
 * key) or when the current key is older than oidc.signingKeyMaxAge: run `rotatekeys`.
 */
public record SigningKeysHealthCheck(SigningKeys keys) implements HealthProbe {
    @Override
    public Result check() {
        Optional<Duration> age = keys.currentKeyAge();
        if (age.isEmpty()) {
            return Result.unhealthy("no current signing key: run `rotatekeys` or restart a server");
        }
        ActiveSigningKey current;
        try {
            current = keys.current();
        } catch (IllegalStateException e) {
            return Result.unhealthy(e.getMessage());
        }
        Duration maxAge = keys.settings().maxAge();
        String description = "current key " + current.kid() + " (" + current.algorithm() + "), "
                + age.get().toHours() + " h old; " + keys.published().getKeys().size() + " key(s) published";
        if (age.get().compareTo(maxAge) > 0) {
            return Result.unhealthy(description + "; older than the maximum age of " + maxAge.toDays()
                    + " days: run `rotatekeys`");
        }
        return Result.healthy(description);
    }
}
