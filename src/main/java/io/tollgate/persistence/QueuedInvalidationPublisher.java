package io.tollgate.persistence;

import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.resource.InvalidationPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes the NOTIFY to the other nodes off the request's path: a revocation or refresh-token rotation hands its
 * invalidation to one background thread, which sends whatever has queued up in one statement. The change itself
 * is committed and this node's caches are already coherent when the request answers; other nodes hear within a
 * round trip plus the queue's wait (5 ms, see LINGER_MILLIS), as before within the staleness bound
 * when the channel is down. The queue is bounded: when it is full the request sends its own NOTIFY, so no
 * invalidation is ever dropped. Invalidations are idempotent "forget this" messages, so order does not matter.
 */
public final class QueuedInvalidationPublisher implements InvalidationPublisher, AutoCloseable {
    private static final int MAX_BATCH = 100;
    static final long LINGER_MILLIS = 5;

    private final PgInvalidationPublisher sender;
    private final BlockingQueue<Invalidation> queue;
    private final Thread worker;
    private volatile boolean running = true;

    public QueuedInvalidationPublisher(PgInvalidationPublisher sender, int capacity) {
        this.sender = sender;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::run, "tollgate-invalidation-notify");
        worker.setDaemon(true);
    }

    public void start() {
        worker.start();
    }

    @Override
    public void publish(Invalidation invalidation) {
        if (!running || !queue.offer(invalidation)) {
            sender.publish(invalidation);
        }
    }

    private void run() {
        List<Invalidation> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Invalidation first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (running && queue.size() < MAX_BATCH - 1) {
                    // Each NOTIFY takes PostgreSQL's notification-queue lock at commit: under load, a few
                    // milliseconds' wait lets one statement carry a burst of rotations instead of three or four.
                    linger();
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                sender.publishAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // publishAll logs its own failures; anything else must not end the thread.
            } finally {
                batch.clear();
            }
        }
    }

    /** Interrupted, it still sends the batch in hand; the next poll then ends the loop. */
    private static void linger() {
        try {
            Thread.sleep(LINGER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what is still queued (bounded wait), then stops; later invalidations are sent by their caller. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.join(2000);
    }
}
