package io.tollgate.ops;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.tollgate.oauth.resource.InvalidationPublisher;
import io.tollgate.oauth.resource.InvalidationTarget;
import io.tollgate.persistence.PgInvalidationChannel;
import io.tollgate.persistence.PgInvalidationPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Cross-node token-cache invalidation. On PostgreSQL: NOTIFY on every change, a LISTEN connection per node, and
 * its health check. On H2 (one node, embedded) nothing crosses nodes: the in-process path is all there is.
 */
public final class InvalidationWiring {
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final boolean postgres;
    private final DataSourceFactory database;
    private final Jdbi jdbi;

    public InvalidationWiring(DataSourceFactory database, Jdbi jdbi) {
        this.database = database;
        this.jdbi = jdbi;
        this.postgres = database.getUrl() != null && database.getUrl().startsWith("jdbc:postgresql:");
    }

    /** What the cache tells the other nodes through. */
    public InvalidationPublisher publisher() {
        return postgres ? new PgInvalidationPublisher(jdbi, node) : InvalidationPublisher.NONE;
    }

    /** Starts listening for the other nodes (with the server's lifecycle) and registers the health check. */
    public void listen(InvalidationTarget cache, Environment environment, Duration maxStaleness) {
        if (!postgres) {
            return;
        }
        PgInvalidationChannel channel = new PgInvalidationChannel(database.getUrl(), database.getUser(),
                // Status times are for operators: the real clock, whatever clock the protocol runs on.
                database.getPassword(), node, cache, Clock.systemUTC());
        environment.lifecycle().manage(channel);
        environment.healthChecks().register("token-cache-invalidation",
                new InvalidationChannelHealthCheck(channel, maxStaleness));
    }
}
