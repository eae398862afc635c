package io.tollgate.ops;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.resource.InvalidationBroadcast;
import io.tollgate.persistence.PgInvalidationChannel;
import io.tollgate.persistence.PgInvalidationPublisher;
import io.tollgate.persistence.QueuedInvalidationPublisher;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Cross-node token-cache invalidation. On PostgreSQL: every protocol event that makes cached tokens stale is
 * sent with NOTIFY (a listener on the core's event bus), each node LISTENs on its own connection and drops the
 * named entries, and a health check says when it cannot. On H2 (one node, embedded) the in-process listener the
 * core subscribes is all there is.
 */
public final class InvalidationWiring {
    private InvalidationWiring() {
    }

    public static void register(DataSourceFactory database, Jdbi jdbi, Environment environment, AuthorizationServer oauth) {
        if (database.getUrl() == null || !database.getUrl().startsWith("jdbc:postgresql:")) {
            return;
        }
        String node = UUID.randomUUID().toString().substring(0, 8);
        // Sent from a background thread, batched: the request does not wait for the other nodes' NOTIFY.
        QueuedInvalidationPublisher others = new QueuedInvalidationPublisher(new PgInvalidationPublisher(jdbi, node),
                10_000);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                others.start();
            }

            @Override
            public void stop() throws Exception {
                others.close();
            }
        });
        oauth.events().subscribe(new InvalidationBroadcast(others));
        // Status times are for operators: the real clock, whatever clock the protocol runs on.
        PgInvalidationChannel channel = new PgInvalidationChannel(database.getUrl(), database.getUser(),
                database.getPassword(), node, oauth.caches(), Clock.systemUTC());
        environment.lifecycle().manage(channel);
        InvalidationChannelHealthCheck check = new InvalidationChannelHealthCheck(channel,
                oauth.settings().tokenCache().maxStaleness());
        environment.healthChecks().register("token-cache-invalidation", check.asHealthCheck());
    }
}
