package io.tollgate.admin;

import io.dropwizard.lifecycle.Managed;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;
import io.tollgate.oauth.event.TokenIntrospected;
import io.tollgate.oauth.event.TokenIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each application's "last used" (it got a token, or introspected one) for the console, cheaply: on the
 * request thread it is a map look-up, and at most once per {@code every} per application a write is handed to one
 * background thread. A full hand-off queue drops the write (the next use a minute later writes it), so a slow
 * database never slows a token request. Per node; the column only moves forward, so nodes cannot undo each other.
 */
public final class ApplicationLastUsed implements ProtocolEventListener, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationLastUsed.class);

    private final AdminQueries queries;
    private final Duration every;
    /** Client id → when this node last handed a write off; bounded by the applications that authenticate. */
    private final Map<String, Instant> written = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer;

    public ApplicationLastUsed(AdminQueries queries, Duration every) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.every = Objects.requireNonNull(every, "every");
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000),
                task -> {
                    Thread thread = new Thread(task, "application-last-used");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Override
    public void on(ProtocolEvent event) {
        if (event instanceof TokenIssued issued) {
            used(issued.clientId(), issued.at());
        } else if (event instanceof TokenIntrospected introspected && !introspected.byResourceServer()) {
            used(introspected.callerClientId(), introspected.at());
        }
    }

    /** Hands a write off when this application's last one is at least {@code every} old; true if it did. */
    boolean used(String clientId, Instant at) {
        Instant last = written.get(clientId);
        if (last != null && at.isBefore(last.plus(every))) {
            return false;
        }
        // Only the thread that moves the entry writes: two requests in the same instant write once.
        boolean won = last == null ? written.putIfAbsent(clientId, at) == null : written.replace(clientId, last, at);
        if (won) {
            writer.execute(() -> write(clientId, at));
        }
        return won;
    }

    private void write(String clientId, Instant at) {
        try {
            queries.recordUse(clientId, at);
        } catch (RuntimeException e) {
            // Best effort by design: the console shows a value up to a minute older, nothing else is affected.
            LOG.warn("Could not record that application {} was used: {}", clientId, e.toString());
        }
    }

    @Override
    public void start() {
    }

    /** Writes what is queued, for a bounded time. */
    @Override
    public void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
