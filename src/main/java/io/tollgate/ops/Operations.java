package io.tollgate.ops;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.tollgate.config.CleanupSettings;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.resource.CachingAccessTokenLookup;
import io.tollgate.ops.metrics.TollgateMetrics;
import java.time.Duration;
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
                    new PurgeHealthCheck(job, oauth.clock(), cleanup.getInterval().toJavaDuration()));
        }
    }
}
