package io.tollgate.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit: concurrent callers each hand in one row, and a caller holding one of the writer slots writes every
 * row waiting at that moment as one batch in one transaction. A caller returns only once its own row is committed,
 * so each answer is as durable as with a commit of its own, while the database does one commit and one round trip
 * for a whole batch. There is no thread of its own and so nothing to start or stop: the callers take turns as
 * writers, and one whose row another writer has taken waits for that batch to end.
 *
 * <p>A caller that finds every writer slot taken parks on its own row, not in a queue for the slots: a writer
 * that ends a batch completes the rows it wrote and wakes the caller of the oldest row still waiting, which takes
 * the free slot. Queued on the slots instead, the callers whose rows the last batch had just written each had to
 * wake, take the slot and give it back, one after the other, before the next batch could start (half the request
 * threads' time under client credentials was spent in that queue, while the database sat idle).
 *
 * <p>More than one slot lets a batch's database work overlap the next batch's gathering, when one batch at a time
 * would leave a core idle while the database runs it.
 *
 * <p>A failed batch that is not an outage is written again row by row, so one bad row (say a client deleted in the
 * meantime, a foreign-key violation) fails only its own caller; an outage fails the whole batch at once.
 *
 * @param <T> a row to write
 * @param <R> what the write gives back for a row (its generated id)
 */
final class GroupCommit<T, R> {
    private final Function<List<T>, List<R>> writeBatch;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore writers;

    /** One writer at a time. */
    GroupCommit(Function<List<T>, List<R>> writeBatch, int maxBatch) {
        this(writeBatch, maxBatch, 1);
    }

    /**
     * @param writeBatch writes the rows in one transaction and returns one result per row, in the same order
     * @param maxBatch   most rows in one batch: bounds a statement's size and the wait of the batch's first row
     * @param writers    most batches in flight at once
     */
    GroupCommit(Function<List<T>, List<R>> writeBatch, int maxBatch, int writers) {
        this.writeBatch = Objects.requireNonNull(writeBatch, "writeBatch");
        if (maxBatch < 1 || writers < 1) {
            throw new IllegalArgumentException("maxBatch and writers must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.writers = new Semaphore(writers);
    }

    /** Writes {@code row} with whatever else is waiting; returns its result once committed, or throws its failure. */
    R write(T row) {
        Pending<T, R> mine = new Pending<>(row, Thread.currentThread());
        waiting.add(mine);
        boolean interrupted = false;
        while (!mine.isDone()) {
            if (writers.tryAcquire()) {
                try {
                    if (!mine.isDone()) {
                        writeWaiting();
                    }
                } finally {
                    writers.release();
                    wakeNextWriter();
                }
            } else {
                // Woken when the row is done, or when a writer ended a batch and this row is the oldest waiting.
                mine.park();
                // Cleared while waiting, or park would return at once again and again; given back below.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // The done flag is volatile and written after the result: these reads see the writer's assignments.
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /**
     * After a writer gives back its slot: the oldest row still waiting has a caller that may be parked, and it must
     * write (every row that arrived while all slots were taken waits for such a wake-up). A wake-up that comes too
     * late, the row taken meanwhile by another writer, is harmless: that writer wakes the next one in its turn.
     */
    private void wakeNextWriter() {
        Pending<T, R> oldest = waiting.peek();
        if (oldest != null) {
            oldest.wake();
        }
    }

    /** Writes a batch of what is waiting, if anything is. */
    private void writeWaiting() {
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<R> results = writeBatch.apply(batch.stream().map(Pending::row).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeed(results.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1 || DatabaseFaults.isUnavailable(e)) {
                batch.forEach(pending -> pending.fail(e));
            } else {
                batch.forEach(this::writeAlone);
            }
        } catch (Error e) {
            // Its callers must not wait for a batch that will never be written.
            batch.forEach(pending -> pending.fail(new IllegalStateException("writing a batch failed", e)));
            throw e;
        }
    }

    private void writeAlone(Pending<T, R> pending) {
        try {
            pending.succeed(writeBatch.apply(List.of(pending.row)).get(0));
        } catch (RuntimeException e) {
            pending.fail(e);
        }
    }

    private static final class Pending<T, R> {
        private final T row;
        private final Thread caller;
        private volatile boolean done;
        private R result;
        private RuntimeException failure;

        Pending(T row, Thread caller) {
            this.row = row;
            this.caller = caller;
        }

        T row() {
            return row;
        }

        boolean isDone() {
            return done;
        }

        /**
         * Parks until {@link #wake()} or the row is done; may also return spuriously, so callers loop. An interrupt
         * does not end the wait: the row is committed or not regardless, and the caller must learn which.
         */
        void park() {
            if (!done) {
                LockSupport.park(this);
            }
        }

        /** Unparks the caller; a wake-up that comes before it parks makes its next park return at once. */
        void wake() {
            LockSupport.unpark(caller);
        }

        void succeed(R value) {
            result = value;
            finish();
        }

        void fail(RuntimeException error) {
            failure = error;
            finish();
        }

        private void finish() {
            done = true;
            if (caller != Thread.currentThread()) {
                wake();
            }
        }
    }
}
