package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Unhealthy while the database schema is behind the code (a deploy that skipped `db migrate`). Reading the
 * changelog costs about a second of CPU, so an up-to-date answer is reused for a while: migrations only ever
 * add changesets, and the `database` check covers reachability on every call.
 */
public class MigrationsHealthCheck extends HealthCheck {
    private final PendingMigrations pendingMigrations;
    private final Clock clock;
    private final Duration reuseUpToDateFor;
    private volatile Instant upToDateUntil = Instant.MIN;

    public MigrationsHealthCheck(PendingMigrations pendingMigrations, Clock clock, Duration reuseUpToDateFor) {
        this.pendingMigrations = pendingMigrations;
        this.clock = clock;
        this.reuseUpToDateFor = reuseUpToDateFor;
    }

    @Override
    protected Result check() throws Exception {
        if (clock.instant().isBefore(upToDateUntil)) {
            return Result.healthy("schema up to date");
        }
        List<String> pending = pendingMigrations.list();
        if (pending.isEmpty()) {
            upToDateUntil = clock.instant().plus(reuseUpToDateFor);
            return Result.healthy("schema up to date");
        }
        return Result.unhealthy(pending.size() + " pending changeset(s): " + String.join(", ", pending));
    }
}
