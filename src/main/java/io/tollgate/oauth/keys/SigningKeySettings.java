package io.tollgate.oauth.keys;

import io.tollgate.oauth.model.Require;
import java.time.Duration;

/**
 * @param algorithm             for keys generated from now on (existing keys keep theirs until rotated out)
 * @param maxAge                a current key older than this makes the health check unhealthy: rotate
 * @param longestTokenLifetime  the longest lifetime of anything signed (ID tokens, JWT access tokens)
 * @param overlap               how long a retired key stays published beyond the last token it could have
 *                              signed: clock skew and relying parties' JWKS caches
 * @param reloadEvery           how long a node trusts the keys it loaded; a rotation on another node is seen
 *                              within this bound, so a retired key may sign that much longer
 */
public record SigningKeySettings(SigningAlgorithm algorithm, Duration maxAge, Duration longestTokenLifetime,
                                 Duration overlap, Duration reloadEvery) {
    public SigningKeySettings {
        Require.nonNull("algorithm maxAge longestTokenLifetime overlap reloadEvery",
                algorithm, maxAge, longestTokenLifetime, overlap, reloadEvery);
    }

    /** When a key retired {@code at} has verified its last token. */
    java.time.Instant verifyUntil(java.time.Instant retiredAt) {
        return retiredAt.plus(reloadEvery).plus(longestTokenLifetime).plus(overlap);
    }
}
