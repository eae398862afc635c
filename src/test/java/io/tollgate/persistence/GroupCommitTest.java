package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.testing.Together;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    /**
     * {@code callers} threads write rows 0, 1, … at once; the writer holds its first batch until every caller has
     * queued its row, so the later ones must share batches. Returns what {@code call} made of each write.
     */
    private <R, T> List<T> burst(int callers, int maxBatch, Function<List<Integer>, List<R>> write,
                                 BiFunction<GroupCommit<Integer, R>, Integer, T> call) throws Exception {
        CountDownLatch queued = new CountDownLatch(callers);
        GroupCommit<Integer, R> commit = new GroupCommit<>(rows -> {
            awaitQuietly(queued);
            batches.add(rows);
            return write.apply(rows);
        }, maxBatch);
        AtomicInteger next = new AtomicInteger();
        return Together.run(callers, () -> {
            int row = next.getAndIncrement();
            queued.countDown();
            return call.apply(commit, row);
        });
    }

    @Test
    void everyCallerGetsItsOwnRowsResultAndConcurrentRowsShareBatches() throws Exception {
        List<Boolean> own = burst(16, 64, rows -> rows.stream().map(row -> "id-" + row).toList(),
                (commit, row) -> commit.write(row).equals("id-" + row));
        assertThat(own).containsOnly(true).hasSize(16);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(16);
        assertThat(batches.size()).isLessThan(16);
    }

    @Test
    void aBatchNeverExceedsItsLimit() throws Exception {
        List<Integer> results = burst(12, 3, rows -> rows, GroupCommit::write);
        assertThat(results).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).boxed().toList());
        assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isBetween(1, 3));
    }

    @Test
    void aBadRowFailsOnlyItsOwnCaller() throws Exception {
        List<String> outcomes = burst(8, 64, rows -> {
            if (rows.contains(5)) {
                throw new IllegalArgumentException("row 5 violates a constraint");
            }
            return rows;
        }, (commit, row) -> {
            try {
                return "ok " + commit.write(row);
            } catch (IllegalArgumentException e) {
                return "failed " + row;
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder("ok 0", "ok 1", "ok 2", "ok 3", "ok 4", "failed 5", "ok 6",
                "ok 7");
    }

    @Test
    void anOutageFailsTheWholeBatchWithoutWritingRowByRow() throws Exception {
        List<String> outcomes = burst(8, 64, rows -> {
            throw new ConnectionException(new SQLException("connection refused", "08001"));
        }, (commit, row) -> {
            try {
                return "ok " + commit.write(row);
            } catch (ConnectionException e) {
                return "unavailable";
            }
        });
        assertThat(outcomes).containsOnly("unavailable").hasSize(8);
        assertThat(batches.size()).isLessThan(8);
    }

    @Test
    void twoWritersKeepTwoBatchesInFlightAndEveryCallerStillGetsItsOwnResult() throws Exception {
        // The first batch is held until a second batch has started beside it, which only a second writer can do.
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        GroupCommit<Integer, String> commit = new GroupCommit<>(rows -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (batches.isEmpty()) {
                batches.add(rows);
                awaitQuietly(secondStarted);
            } else {
                batches.add(rows);
                secondStarted.countDown();
            }
            inFlight.decrementAndGet();
            return rows.stream().map(row -> "id-" + row).toList();
        }, 4, 2);
        AtomicInteger next = new AtomicInteger();
        List<Boolean> own = Together.run(24, () -> {
            int row = next.getAndIncrement();
            return commit.write(row).equals("id-" + row);
        });
        assertThat(own).containsOnly(true).hasSize(24);
        assertThat(mostInFlight.get()).isEqualTo(2);
        assertThat(secondStarted.getCount()).isZero();
        assertThat(batches.stream().flatMap(List::stream).sorted().toList())
                .isEqualTo(IntStream.range(0, 24).boxed().toList());
    }

    @Test
    void rowsThatArriveWhileTheSlotIsTakenAreWrittenTogetherByOneOfTheirParkedCallers() throws Exception {
        try (HeldFirstBatch held = new HeldFirstBatch(4)) {
            Future<Integer> first = held.writeFirst();
            List<Future<Integer>> later = IntStream.rangeClosed(1, 3)
                    .mapToObj(row -> held.later(() -> held.commit.write(row))).toList();
            // Every later caller is parked on its own row before the first batch ends.
            held.awaitLaterWaiting(3);
            held.release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
            for (int row = 1; row <= 3; row++) {
                assertThat(later.get(row - 1).get(5, TimeUnit.SECONDS)).isEqualTo(row);
            }
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void manyCallersWritingOverAndOverAllFinishWithTheirOwnResults() throws Exception {
        // No lost wake-up: with tiny batches and slow writes, each row must still find a writer.
        for (int writers = 1; writers <= 2; writers++) {
            AtomicInteger written = new AtomicInteger();
            GroupCommit<Integer, Integer> commit = new GroupCommit<>(rows -> {
                written.addAndGet(rows.size());
                if (rows.get(0) % 7 == 0) {
                    Thread.yield();
                }
                return rows.stream().map(row -> -row).toList();
            }, 3, writers);
            AtomicInteger next = new AtomicInteger();
            List<Boolean> allOwn = Together.run(16, () -> {
                boolean own = true;
                for (int i = 0; i < 2_000; i++) {
                    int row = next.incrementAndGet();
                    own &= commit.write(row) == -row;
                }
                return own;
            });
            assertThat(allOwn).containsOnly(true).hasSize(16);
            assertThat(written.get()).isEqualTo(32_000);
        }
    }

    @Test
    void anInterruptedCallerStillLearnsItsRowsFateAndKeepsItsInterrupt() throws Exception {
        try (HeldFirstBatch held = new HeldFirstBatch(2)) {
            Future<Integer> first = held.writeFirst();
            Future<String> second = held.later(() ->
                    held.commit.write(1) + " interrupted=" + Thread.currentThread().isInterrupted());
            held.awaitLaterWaiting(1);
            held.laterCallers.get(0).interrupt();
            Thread.sleep(50);
            assertThat(second.isDone()).isFalse();
            held.release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("1 interrupted=true");
        }
    }

    @Test
    void aLoneRowFailsWithTheWritersOwnException() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(rows -> {
            throw new IllegalStateException("disk full");
        }, 64);
        assertThatThrownBy(() -> commit.write(1)).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThatThrownBy(() -> new GroupCommit<Integer, Integer>(rows -> rows, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommit<Integer, Integer>(rows -> rows, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A commit whose first batch waits, once it has begun, until {@link #release} opens; and a pool for the callers
     * that come while it waits.
     */
    private final class HeldFirstBatch implements AutoCloseable {
        final CountDownLatch begun = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final GroupCommit<Integer, Integer> commit = new GroupCommit<>(rows -> {
            batches.add(rows);
            if (batches.size() == 1) {
                begun.countDown();
                awaitQuietly(release);
            }
            return rows;
        }, 64);
        final List<Thread> laterCallers = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService pool;

        HeldFirstBatch(int threads) {
            pool = Executors.newFixedThreadPool(threads);
        }

        /** Writes row 0 on the pool and returns once its batch is held. */
        Future<Integer> writeFirst() throws InterruptedException {
            Future<Integer> first = pool.submit(() -> commit.write(0));
            assertThat(begun.await(5, TimeUnit.SECONDS)).isTrue();
            return first;
        }

        /** Runs {@code call} on the pool, its thread recorded in {@link #laterCallers}. */
        <T> Future<T> later(Callable<T> call) {
            return pool.submit(() -> {
                laterCallers.add(Thread.currentThread());
                return call.call();
            });
        }

        /** Waits until {@code count} later callers have begun and all of them wait. */
        void awaitLaterWaiting(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((laterCallers.size() < count || !allWaiting()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(laterCallers).hasSize(count);
            assertThat(allWaiting()).isTrue();
        }

        private boolean allWaiting() {
            synchronized (laterCallers) {
                return laterCallers.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
