package io.tollgate.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: concurrent callers each hand in one row, and whoever holds the write lock writes every row waiting
 * at that moment as one statement in one transaction. A caller returns only once its own row is committed, so each
 * answer is as durable as with a commit of its own, while the database does one commit, one round trip and one
 * statement for a whole batch. There is no thread of its own and so nothing to start or stop: the callers take
 * turns as the writer, and one that finds its row already written by an earlier turn just passes through.
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
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * @param writeBatch writes the rows in one transaction and returns one result per row, in the same order
     * @param maxBatch   most rows in one statement: bounds a statement's size and the wait of the batch's first row
     */
    GroupCommit(Function<List<T>, List<R>> writeBatch, int maxBatch) {
        this.writeBatch = Objects.requireNonNull(writeBatch, "writeBatch");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
    }

    /** Writes {@code row} with whatever else is waiting; returns its result once committed, or throws its failure. */
    R write(T row) {
        Pending<T, R> mine = new Pending<>(row);
        waiting.add(mine);
        writer.lock();
        try {
            // The lock orders every batch's completion before the next holder's reads, so plain fields suffice.
            while (!mine.done) {
                writeWaiting();
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private void writeWaiting() {
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            throw new IllegalStateException("a row waiting for its commit is in no batch");
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
        private boolean done;
        private R result;
        private RuntimeException failure;

        Pending(T row) {
            this.row = row;
        }

        T row() {
            return row;
        }

        void succeed(R value) {
            result = value;
            done = true;
        }

        void fail(RuntimeException error) {
            failure = error;
            done = true;
        }
    }
}
