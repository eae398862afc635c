package io.tollgate.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Group commit: concurrent callers each hand in one row, and a caller holding one of the writer slots writes every
 * row waiting at that moment as one batch in one transaction. A caller returns only once its own row is committed,
 * so each answer is as durable as with a commit of its own, while the database does one commit and one round trip
 * for a whole batch. There is no thread of its own and so nothing to start or stop: the callers take turns as
 * writers, and one whose row another writer has taken waits for that batch to end.
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
        Pending<T, R> mine = new Pending<>(row);
        waiting.add(mine);
        while (!mine.isDone()) {
            writers.acquireUninterruptibly();
            boolean wroteABatch;
            try {
                wroteABatch = !mine.isDone() && writeWaiting();
            } finally {
                writers.release();
            }
            if (!wroteABatch) {
                // Not in the queue and not done: it is in a batch another writer is writing, which will end it.
                mine.awaitDone();
            }
        }
        // The latch orders the writer's assignments before these reads.
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Writes a batch of what is waiting, if anything is; says whether it did. */
    private boolean writeWaiting() {
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return false;
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
        return true;
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
        private final CountDownLatch done = new CountDownLatch(1);
        private R result;
        private RuntimeException failure;

        Pending(T row) {
            this.row = row;
        }

        T row() {
            return row;
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        void awaitDone() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    // The row is committed or not regardless; the caller must learn which before it answers.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void succeed(R value) {
            result = value;
            done.countDown();
        }

        void fail(RuntimeException error) {
            failure = error;
            done.countDown();
        }
    }
}
