package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.testing.Together;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    /** Records every batch; the first batch waits until all callers have queued, so later ones must group. */
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyCallerGetsItsOwnRowsResultAndConcurrentRowsShareBatches() throws Exception {
        int callers = 16;
        CountDownLatch queued = new CountDownLatch(callers);
        GroupCommit<Integer, String> commit = new GroupCommit<>(rows -> {
            awaitQuietly(queued);
            batches.add(rows);
            return rows.stream().map(row -> "id-" + row).toList();
        }, 64);
        AtomicInteger next = new AtomicInteger();
        List<Boolean> own = Together.run(callers, () -> {
            int row = next.getAndIncrement();
            queued.countDown();
            return commit.write(row).equals("id-" + row);
        });
        assertThat(own).containsOnly(true).hasSize(callers);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(callers);
        assertThat(batches.size()).isLessThan(callers);
    }

    @Test
    void aBatchNeverExceedsItsLimit() throws Exception {
        int callers = 12;
        CountDownLatch queued = new CountDownLatch(callers);
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(rows -> {
            awaitQuietly(queued);
            batches.add(rows);
            return rows;
        }, 3);
        AtomicInteger next = new AtomicInteger();
        List<Integer> results = Together.run(callers, () -> {
            int row = next.getAndIncrement();
            queued.countDown();
            return commit.write(row);
        });
        assertThat(results).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, callers).boxed().toList());
        assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isBetween(1, 3));
    }

    @Test
    void aBadRowFailsOnlyItsOwnCaller() throws Exception {
        int callers = 8;
        CountDownLatch queued = new CountDownLatch(callers);
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(rows -> {
            awaitQuietly(queued);
            if (rows.contains(5)) {
                throw new IllegalArgumentException("row 5 violates a constraint");
            }
            return rows;
        }, 64);
        AtomicInteger next = new AtomicInteger();
        List<String> outcomes = Together.run(callers, () -> {
            int row = next.getAndIncrement();
            queued.countDown();
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
        int callers = 8;
        CountDownLatch queued = new CountDownLatch(callers);
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(rows -> {
            awaitQuietly(queued);
            attempts.incrementAndGet();
            throw new ConnectionException(new SQLException("connection refused", "08001"));
        }, 64);
        List<String> outcomes = Together.run(callers, () -> {
            queued.countDown();
            try {
                return "ok " + commit.write(1);
            } catch (ConnectionException e) {
                return "unavailable";
            }
        });
        assertThat(outcomes).containsOnly("unavailable").hasSize(callers);
        assertThat(attempts.get()).isLessThan(callers);
    }

    @Test
    void aLoneRowFailsWithTheWritersOwnException() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(rows -> {
            throw new IllegalStateException("disk full");
        }, 64);
        assertThatThrownBy(() -> commit.write(1)).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThatThrownBy(() -> new GroupCommit<Integer, Integer>(rows -> rows, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
