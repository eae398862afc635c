package io.tollgate.ops;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.core.setup.Environment;
import io.tollgate.config.CleanupSettings;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.resource.CachingAccessTokenLookup;
import io.tollgate.ops.metrics.TollgateMetrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** The admin side: health checks, metrics, the purge (periodic, as a task) for one running server. */
public final class Operations {

    private Operations() {
    }

    public static void register(Environment environment, AuthorizationServer oauth, PendingMigrations migrations,
                                CleanupSettings cleanup, DataSource dataSource) {
        DatabaseHealth.register(environment, dataSource,
                new MigrationsHealthCheck(migrations, oauth.clock(), Duration.ofMinutes(1)));
        PrometheusEndpoint.register(environment.metrics(), environment.admin());
        environment.admin().addServlet("grafana", new GrafanaDashboardServlet()).addMapping(GrafanaDashboardServlet.PATH);
        // Once every check is registered (some are added after this), each gets a gauge Prometheus can alert on.
        environment.lifecycle().addServerLifecycleListener(server -> healthGauges(environment));
        CachingAccessTokenLookup cache = oauth.tokenCache();
        environment.metrics().gauge(TollgateMetrics.TOKEN_CACHE_HIT_RATIO.dropwizardName(), () -> cache::hitRate);
        environment.metrics().gauge(TollgateMetrics.TOKEN_CACHE_SIZE.dropwizardName(), () -> cache::size);
        environment.metrics().gauge(TollgateMetrics.TOKEN_CACHE_LOOKUPS.dropwizardName("hit"), () -> cache::hits);
        environment.metrics().gauge(TollgateMetrics.TOKEN_CACHE_LOOKUPS.dropwizardName("miss"), () -> cache::misses);

        TokenCleanupJob job = new TokenCleanupJob(oauth.purge(), environment.metrics(), oauth.clock());
        environment.admin().addTask(new ClearTokensTask(job));
        if (cleanup.isEnabled()) {
            environment.lifecycle().manage(new PeriodicTokenCleanup(job,
                    environment.lifecycle().scheduledExecutorService("token-cleanup").threads(1).build(),
                    cleanup.getInterval().toJavaDuration()));
            environment.healthChecks().register("purge",
                    new PurgeHealthCheck(job, cleanup.getInterval().toJavaDuration()).asHealthCheck());
        }
    }

    /** Cached, so a scrape every few seconds does not run the database check every few seconds. */
    private static void healthGauges(Environment environment) {
        HealthCheckRegistry checks = environment.healthChecks();
        for (String name : checks.getNames()) {
            environment.metrics().gauge(TollgateMetrics.HEALTH.dropwizardName(name),
                    () -> new CachedGauge<Integer>(15, TimeUnit.SECONDS) {
                        @Override
                        protected Integer loadValue() {
                            return checks.runHealthCheck(name).isHealthy() ? 1 : 0;
                        }
                    });
        }
    }
}
