package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck.Result;
import io.tollgate.persistence.DatabaseFaults;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Borrows a connection and runs one trivial query; says how long it took or what failed (refused, timed out,
 * shutting down, pool exhausted) in the words of the error, not a generic "unable to check".
 */
public record DatabaseHealthCheck(DataSource dataSource, int queryTimeoutSeconds) implements HealthProbe {
    @Override
    public Result check() {
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
