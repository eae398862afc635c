package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;
import java.util.List;

/** Unhealthy while the database schema is behind the code (a deploy that skipped `db migrate`). */
public class MigrationsHealthCheck extends HealthCheck {
    private final PendingMigrations pendingMigrations;

    public MigrationsHealthCheck(PendingMigrations pendingMigrations) {
        this.pendingMigrations = pendingMigrations;
    }

    @Override
    protected Result check() throws Exception {
        List<String> pending = pendingMigrations.list();
        if (pending.isEmpty()) {
            return Result.healthy("schema up to date");
        }
        return Result.unhealthy(pending.size() + " pending changeset(s): " + String.join(", ", pending));
    }
}
