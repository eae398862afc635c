package io.tollgate.persistence;

import io.dropwizard.lifecycle.Managed;
import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.resource.InvalidationTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives other nodes' invalidations: one dedicated JDBC connection outside the pool (a pooled connection
 * could be handed to a request, or be recycled, and would stop listening), LISTENing on one channel, read by
 * one thread with {@link PGConnection#getNotifications(int)}. When the connection is lost the node falls back
 * to the token cache's staleness bound, reconnects with back-off, and on reconnecting drops its whole cache:
 * whatever was sent meanwhile is unknown. {@link #status()} says which state it is in, for the health check.
 */
public class PgInvalidationChannel implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(PgInvalidationChannel.class);
    /** How long one wait for notifications blocks; also how fast stop() is noticed. */
    private static final int POLL_MILLIS = 250;
    /** An idle connection is probed this often, so a silently dead one is noticed (its socket time-out bounds the probe). */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    private static final Duration START_WAIT = Duration.ofSeconds(5);

    /** Listening, or since when and why not. */
    public record Status(boolean listening, Instant since, String problem, long reconnects) {
    }

    private final String url;
    private final Properties connectionProperties;
    private final String node;
    private final InvalidationTarget cache;
    private final Clock clock;
    private final Duration startWait;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile Status status;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    /**
     * @param node this node's id: its own messages come back and are skipped
     */
    public PgInvalidationChannel(String url, String user, String password, String node, InvalidationTarget cache,
                                 Clock clock) {
        this(url, user, password, node, cache, clock, START_WAIT);
    }

    PgInvalidationChannel(String url, String user, String password, String node, InvalidationTarget cache,
                          Clock clock, Duration startWait) {
        this.startWait = startWait;
        this.url = Objects.requireNonNull(url, "url");
        this.node = Objects.requireNonNull(node, "node");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectionProperties = new Properties();
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", "tollgate-invalidation-" + node);
        connectionProperties.setProperty("connectTimeout", "5");
        connectionProperties.setProperty("socketTimeout", "10");
        connectionProperties.setProperty("tcpKeepAlive", "true");
        this.status = new Status(false, clock.instant(), "not started", 0);
    }

    public Status status() {
        return status;
    }

    /** This node's id, also in the listening session's application_name (to find it in pg_stat_activity). */
    public String node() {
        return node;
    }

    /** Starts listening; waits a few seconds for the first LISTEN so a node normally serves with it in place. */
    @Override
    public synchronized void start() throws InterruptedException {
        running = true;
        thread = new Thread(this::run, "token-cache-invalidation-listener");
        thread.setDaemon(true);
        thread.start();
        if (!firstListen.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Not yet listening for other nodes' invalidations ({}); retrying in the background", status.problem());
        }
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            closeQuietly(connection);
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        long reconnects = 0;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, connectionProperties)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + PgInvalidationPublisher.CHANNEL);
                }
                // Messages sent while nobody listened here are lost: forget everything cached before this point.
                cache.invalidate(Invalidation.all());
                if (reconnects > 0 || !status.problem().equals("not started")) {
                    LOG.info("Listening for other nodes' token-cache invalidations again");
                }
                status = new Status(true, clock.instant(), null, reconnects);
                firstListen.countDown();
                retry = FIRST_RETRY;
                listen(listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                reconnects++;
                if (status.listening()) {
                    LOG.warn("Lost the connection listening for other nodes' invalidations ({}); the token cache's "
                            + "staleness bound applies until it is back", e.toString());
                    status = new Status(false, clock.instant(), e.toString(), reconnects);
                } else {
                    status = new Status(false, status.since(), e.toString(), reconnects);
                }
                if (!sleep(retry)) {
                    break;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void listen(Connection listening) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        Instant lastHeard = clock.instant();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            Instant now = clock.instant();
            if (notifications != null && notifications.length > 0) {
                lastHeard = now;
                for (PGNotification notification : notifications) {
                    Invalidation.parse(notification.getParameter())
                            .filter(message -> !message.node().equals(node))
                            .ifPresent(message -> cache.invalidate(message.invalidation()));
                }
            } else if (Duration.between(lastHeard, now).compareTo(PROBE_EVERY) >= 0) {
                try (Statement probe = listening.createStatement()) {
                    probe.execute("SELECT 1");
                }
                lastHeard = now;
            }
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing only to wake the listener thread; it is stopping either way.
        }
    }
}
