package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.ops.InvalidationChannelHealthCheck;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The NOTIFY channel against the real PostgreSQL: delivery between nodes, loss of the connection, and its health. */
@ExtendWith(RequiresPostgres.class)
class PgInvalidationChannelPostgresTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final TestDatabase database = TestDatabase.postgres("invalidation");
    private final List<PgInvalidationChannel> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (PgInvalidationChannel channel : started) {
            channel.stop();
        }
        database.drop();
    }

    private PgInvalidationChannel listen(String url, String node, List<Invalidation> received, Duration startWait)
            throws InterruptedException {
        PgInvalidationChannel channel = new PgInvalidationChannel(url, database.user(), database.password(), node,
                received::add, Clock.systemUTC(), startWait);
        channel.start();
        started.add(channel);
        return channel;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void anInvalidationReachesTheOtherNodeAndNotItsSender() throws Exception {
        List<Invalidation> one = new CopyOnWriteArrayList<>();
        List<Invalidation> two = new CopyOnWriteArrayList<>();
        listen(database.url(), "n1", one, DEADLINE);
        listen(database.url(), "n2", two, DEADLINE);
        Jdbi jdbi = Jdbi.create(database.url(), database.user(), database.password());

        new PgInvalidationPublisher(jdbi, "n1").publish(Invalidation.family("family with spaces"));
        new PgInvalidationPublisher(jdbi, "n2").publish(Invalidation.user(42));
        await("n2 hears n1", () -> two.contains(Invalidation.family("family with spaces")));
        await("n1 hears n2", () -> one.contains(Invalidation.user(42)));
        // Notifications arrive in order: by the time n2's reached n1, n1's own had come and gone, unapplied.
        assertThat(one).containsExactly(Invalidation.all(), Invalidation.user(42));
        assertThat(two).containsExactly(Invalidation.all(), Invalidation.family("family with spaces"));
    }

    @Test
    void queuedInvalidationsAreSentInTheBackgroundAndAllArrive() throws Exception {
        List<Invalidation> heard = new CopyOnWriteArrayList<>();
        listen(database.url(), "n5", heard, DEADLINE);
        Jdbi jdbi = Jdbi.create(database.url(), database.user(), database.password());
        List<Invalidation> sent = new java.util.ArrayList<>();
        QueuedInvalidationPublisher queued = new QueuedInvalidationPublisher(new PgInvalidationPublisher(jdbi, "n6"), 4);
        queued.start();
        // More than the queue holds: the overflow is sent by the caller, nothing is dropped.
        for (int i = 0; i < 50; i++) {
            Invalidation invalidation = Invalidation.tokenHash("hash-" + i);
            sent.add(invalidation);
            queued.publish(invalidation);
        }
        await("all 50 heard", () -> heard.containsAll(sent));
        queued.close();
        // After close, publishing still reaches the other nodes (synchronously).
        queued.publish(Invalidation.user(7));
        await("heard after close", () -> heard.contains(Invalidation.user(7)));
        assertThat(heard).doesNotHaveDuplicates();
    }

    @Test
    void aLostConnectionIsReportedReconnectedAndTheCacheDroppedOnReturn() throws Exception {
        List<Invalidation> received = new CopyOnWriteArrayList<>();
        PgInvalidationChannel channel = listen(database.url(), "n3" + System.nanoTime(), received, DEADLINE);
        assertThat(channel.status().listening()).isTrue();
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                    + "'tollgate-invalidation-" + channel.node() + "'");
        }
        await("reconnected", () -> channel.status().listening() && channel.status().reconnects() >= 1);
        assertThat(received).containsExactly(Invalidation.all(), Invalidation.all());
        new PgInvalidationPublisher(Jdbi.create(database.url(), database.user(), database.password()), "other")
                .publish(Invalidation.tokenHash("abc"));
        await("heard after reconnecting", () -> received.contains(Invalidation.tokenHash("abc")));
    }

    @Test
    void withoutADatabaseTheHealthCheckSaysTheStalenessBoundApplies() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PgInvalidationChannel channel = listen("jdbc:postgresql://127.0.0.1:" + closedPort + "/test", "n4", List.of(),
                Duration.ZERO);
        await("a failed attempt", () -> channel.status().reconnects() >= 1);
        HealthCheck.Result result = new InvalidationChannelHealthCheck(channel, Duration.ofSeconds(5)).asHealthCheck().execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("Not listening", "within the token cache's staleness bound (5000 ms)");
    }
}
