package io.tollgate.audit;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from request threads into a bounded queue and writes them from one background thread, so
 * recording an event costs a queue offer: it never blocks, never throws and never waits for the database.
 * When the queue is full the event is dropped, counted, and the drop is logged (the first, then every 1000th,
 * so an overload does not also flood the log). On stop it writes what is queued, within a bounded time.
 */
public final class AuditWriter implements AuditLog, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    static final int BATCH = 200;
    /**
     * After the first event of a batch the writer waits this long for more: under load a batch then holds what
     * 50 ms brought (one statement, one commit) instead of the handful that arrived while the last one was
     * written; idle, an event waits at most this long. Well inside the README's "within about 100 ms".
     */
    static final long LINGER_MILLIS = 50;

    private final BlockingQueue<AuditEvent> queue;
    private final List<AuditSink> sinks;
    private final Duration stopTimeout;
    /** Separate from the monitor stop() holds while it joins the thread, which is writing under this lock. */
    private final Object writeLock = new Object();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    public AuditWriter(int capacity, List<AuditSink> sinks, Duration stopTimeout) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sinks = List.copyOf(sinks);
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    @Override
    public void record(AuditEvent event) {
        try {
            AuditEvent stamped = event.withRequest(RequestContext.clientAddress(), RequestContext.requestId());
            if (!queue.offer(stamped)) {
                long drops = dropped.incrementAndGet();
                if (drops == 1 || drops % 1000 == 0) {
                    LOG.warn("Audit queue full ({} events): dropped {} events so far, latest {}", queue.size(),
                            drops, event.type());
                }
            }
        } catch (RuntimeException e) {
            // Recording is best effort by contract: the request it describes must not fail because of it.
            LOG.error("Could not queue an audit event", e);
        }
    }

    public int depth() {
        return queue.size();
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops taking new batches from the queue once it is empty (or the timeout passed), and joins the thread. */
    @Override
    public synchronized void stop() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        thread.join(stopTimeout.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.warn("Audit writer stopped with {} events unwritten", queue.size());
        }
        thread = null;
    }

    private void loop() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (running && queue.size() < BATCH - 1) {
                    linger();
                }
                queue.drainTo(batch, BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Interrupted (a stop that timed out), it still writes the batch in hand; the next poll then ends the loop. */
    private static void linger() {
        try {
            Thread.sleep(LINGER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Package-visible so tests can write synchronously, without the thread. */
    void writeBatch(List<AuditEvent> batch) {
        synchronized (writeLock) {
            for (AuditSink sink : sinks) {
                try {
                    sink.write(batch);
                } catch (RuntimeException e) {
                    LOG.error("Audit sink {} failed on {} events", sink.getClass().getSimpleName(), batch.size(), e);
                }
            }
            written.addAndGet(batch.size());
        }
    }

    /** Writes everything queued now on the calling thread; for tests and the stop path. */
    public void flush() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            writeBatch(batch);
            batch.clear();
        }
    }
}
