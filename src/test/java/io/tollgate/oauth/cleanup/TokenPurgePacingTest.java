package io.tollgate.oauth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The purge rests after each full batch in proportion to how long the batch took, and never after the last. */
class TokenPurgePacingTest {
    private final MutableClock clock = MutableClock.startingAt("2025-06-01T00:00:00Z");
    private final List<Long> rests = new ArrayList<>();

    /** Deletes up to {@code rows} of access tokens, each batch taking at least {@code batchMillis}. */
    private static TokenCleanupStore slowStore(int rows, long batchMillis) {
        int[] remaining = {rows};
        return (kind, cutoff, limit) -> {
            try {
                Thread.sleep(batchMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = Math.min(limit, remaining[0]);
            remaining[0] -= n;
            return n;
        };
    }

    private TokenPurge purge(TokenCleanupStore store, double restRatio) {
        return new TokenPurge(Map.of(PurgeKind.ACCESS_TOKENS, store), clock, Duration.ofDays(7), 10,
                Duration.ofHours(2), restRatio, rests::add);
    }

    @Test
    void restsInProportionToEachFullBatch() {
        PurgeReport report = purge(slowStore(25, 20), 2).run();
        assertThat(report.deleted(PurgeKind.ACCESS_TOKENS)).isEqualTo(25);
        // Batches of 10, 10, 5 and 0: a rest after each of the two full ones only.
        assertThat(rests).hasSize(2);
        assertThat(rests).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(Duration.ofMillis(40).toNanos()));
    }

    @Test
    void aZeroRatioNeverRests() {
        purge(slowStore(25, 1), 0).run();
        assertThat(rests).isEmpty();
    }

    @Test
    void anInterruptedRestEndsTheRunWithWhatWasDone() {
        TokenPurge purge = new TokenPurge(Map.of(PurgeKind.ACCESS_TOKENS, slowStore(100, 0)), clock, Duration.ofDays(7),
                10, Duration.ofHours(2), 1, nanos -> {
                    throw new InterruptedException();
                });
        try {
            PurgeReport report = purge.run();
            assertThat(report.deleted(PurgeKind.ACCESS_TOKENS)).isEqualTo(10);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aRatioOutOfRangeIsRefused() {
        assertThatThrownBy(() -> purge(slowStore(0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> purge(slowStore(0, 0), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
