package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;
import io.tollgate.persistence.DatabaseFaults;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Borrows a connection and runs one trivial query; says how long it took or what failed (refused, timed out,
 * shutting down, pool exhausted) in the words of the error, not a generic "unable to check".
 */
public final class DatabaseHealthCheck extends HealthCheck {
    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    public DatabaseHealthCheck(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    @Override
    protected Result check() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            statement.execute("/* Tollgate health check */ SELECT 1");
            return Result.healthy("answered in " + millisSince(started) + " ms");
        } catch (Exception e) {
            String what = DatabaseFaults.reason(e).orElseGet(() -> e.getClass().getSimpleName() + ": " + e.getMessage());
            return Result.unhealthy(what + " (after " + millisSince(started) + " ms)");
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
