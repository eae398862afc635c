package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck.Result;
import java.time.Duration;
import java.time.Instant;

/**
 * "purge": unhealthy when the periodic purge has not succeeded within twice its interval. Counted from startup
 * until the first run, so a fresh node is healthy while its first run is still due. Expired rows piling up is
 * slow trouble (a growing token table, slower checks), which is what this surfaces before it hurts.
 */
public record PurgeHealthCheck(TokenCleanupJob job, Duration interval) implements HealthProbe {
    @Override
    public Result check() {
        Duration limit = interval.multipliedBy(2);
        Duration age = job.sinceLastSuccess();
        String last = job.lastSuccess().map(Instant::toString).orElse("never (started " + job.created() + ")");
        if (age.compareTo(limit) > 0) {
            return Result.unhealthy("No successful purge for %s (limit %s); last success: %s", age, limit, last);
        }
        return Result.healthy("Last successful purge: %s", last);
    }
}
