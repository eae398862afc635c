package io.tollgate.ops;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.tollgate.config.CleanupSettings;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.resource.CachingAccessTokenLookup;
import java.time.Duration;

/** The admin side: health checks, metrics, the purge (periodic, as a task) for one running server. */
public final class Operations {
    /** Kept from before the validator moved into the protocol, so dashboards keep their series. */
    static final String TOKEN_CACHE_METRICS = "io.tollgate.web.security.TokenAuthenticator.cache";

    private Operations() {
    }

    public static void register(Environment environment, AuthorizationServer oauth, PendingMigrations migrations,
                                CleanupSettings cleanup) {
        environment.healthChecks().register("migrations",
                new MigrationsHealthCheck(migrations, oauth.clock(), Duration.ofMinutes(1)));
        PrometheusEndpoint.register(environment.metrics(), environment.admin());
        CachingAccessTokenLookup cache = oauth.tokenCache();
        environment.metrics().gauge(MetricRegistry.name(TOKEN_CACHE_METRICS, "hit-rate"), () -> cache::hitRate);
        environment.metrics().gauge(MetricRegistry.name(TOKEN_CACHE_METRICS, "size"), () -> cache::size);

        TokenCleanupJob job = new TokenCleanupJob(oauth.purge(), environment.metrics());
        environment.admin().addTask(new ClearTokensTask(job));
        if (cleanup.isEnabled()) {
            environment.lifecycle().manage(new PeriodicTokenCleanup(job,
                    environment.lifecycle().scheduledExecutorService("token-cleanup").threads(1).build(),
                    cleanup.getInterval().toJavaDuration()));
        }
    }
}
