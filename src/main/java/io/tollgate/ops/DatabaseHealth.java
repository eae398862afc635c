package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;

/**
 * The health checks that touch the database, each answering within {@link #BOUND}. Replaces the `database`
 * check JdbiFactory registers, which waits for its own time-out and then only says it could not check.
 */
public final class DatabaseHealth {
    /** Well under a second, so a balancer probing every second or two gets an answer to every probe. */
    public static final Duration BOUND = Duration.ofMillis(800);

    private DatabaseHealth() {
    }

    /** Call after the startup check that the schema is current: that result seeds the migrations check. */
    public static void register(Environment environment, DataSource dataSource, HealthCheck migrations) {
        ExecutorService executor = environment.lifecycle().executorService("health-check-%d")
                .minThreads(2).maxThreads(2).build();
        environment.healthChecks().unregister("database");
        HealthCheck database = new DatabaseHealthCheck(dataSource, 1).asHealthCheck();
        environment.healthChecks().register("database", new BoundedHealthCheck(database, BOUND, executor, false, null));
        // The migrations check reads the changelog (about a second of CPU) and the schema changes only on deploy:
        // after its first run it answers its last result at once and refreshes in the background. It starts from
        // the check server startup just passed (requireNone), so the first probe needs no wait either.
        environment.healthChecks().register("migrations", new BoundedHealthCheck(migrations, BOUND, executor, true,
                HealthCheck.Result.healthy("schema up to date")));
    }
}
