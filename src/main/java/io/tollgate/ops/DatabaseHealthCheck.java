package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck.Result;
import io.tollgate.persistence.DatabaseFaults;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Borrows a connection and runs one trivial query; says how long it took or what failed (refused, timed out,
 * shutting down, pool exhausted) in the words of the error, not a generic "unable to check".
 *
 * <p>A pooled connection the server ended before this check (a restart or shutdown since its last use) tells
 * nothing about the database now, so the check takes another, up to {@link #MOST_DEAD_CONNECTIONS}: a failed
 * connection leaves the pool, and once none is left the pool opens a new one, whose answer (or refusal) is the
 * database's state now. Seen in the shutdown test: the first probe named the shutdown of an idle connection
 * instead of the refusal that every new connection met. Only a failure that came at once counts so: a connection
 * that broke after a wait (a frozen database's socket time-out, also SQLSTATE 08006) is the database's state now,
 * and trying more connections would only hold them through the outage.
 */
public record DatabaseHealthCheck(DataSource dataSource, int queryTimeoutSeconds) implements HealthProbe {
    /** More than the pool's default size (16); each dead connection fails at once, so this stays within the bound. */
    static final int MOST_DEAD_CONNECTIONS = 32;
    /** How quickly a pooled connection that was already dead fails: a local error, no round trip to wait for. */
    static final long AT_ONCE_MILLIS = 100;

    @Override
    public Result check() {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            long attemptStarted = System.nanoTime();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(queryTimeoutSeconds);
                statement.execute("/* Tollgate health check */ SELECT 1");
                return Result.healthy("answered in " + millisSince(started) + " ms");
            } catch (Exception e) {
                if (attempt < MOST_DEAD_CONNECTIONS && millisSince(attemptStarted) < AT_ONCE_MILLIS
                        && DatabaseFaults.isDeadConnection(e)) {
                    continue;
                }
                String what = DatabaseFaults.reason(e)
                        .orElseGet(() -> e.getClass().getSimpleName() + ": " + e.getMessage());
                return Result.unhealthy(what + " (after " + millisSince(started) + " ms)");
            }
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
