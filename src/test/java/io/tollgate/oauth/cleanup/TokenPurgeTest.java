package io.tollgate.oauth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenPurgeTest {
    private final MutableClock clock = MutableClock.startingAt("2025-06-01T00:00:00Z");

    /** Counts down a pool of rows per kind and records every call. */
    private static final class FakeStore implements TokenCleanupStore {
        final Map<PurgeKind, Integer> remaining = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public int deleteBatch(PurgeKind kind, Instant cutoff, int limit) {
            calls.add(kind + "@" + cutoff + "/" + limit);
            int n = Math.min(limit, remaining.getOrDefault(kind, 0));
            remaining.merge(kind, -n, Integer::sum);
            return n;
        }
    }

    @Test
    void deletesInBoundedBatchesInFkOrderWithOneCutoff() {
        FakeStore store = new FakeStore();
        store.remaining.put(PurgeKind.ACCESS_TOKENS, 25);
        store.remaining.put(PurgeKind.REFRESH_TOKENS, 10);
        store.remaining.put(PurgeKind.AUTHORIZATION_CODES, 0);
        PurgeReport report = new TokenPurge(store, clock, Duration.ofDays(7), 10, Duration.ofHours(2)).run();

        assertThat(report.deleted(PurgeKind.ACCESS_TOKENS)).isEqualTo(25);
        assertThat(report.deleted(PurgeKind.REFRESH_TOKENS)).isEqualTo(10);
        assertThat(report.deleted(PurgeKind.AUTHORIZATION_CODES)).isZero();
        assertThat(report.total()).isEqualTo(35);
        assertThat(report.summary())
                .isEqualTo("access_tokens=25 refresh_tokens=10 authorization_codes=0 sessions=0");
        String cutoff = "@2025-05-25T00:00:00Z/10";
        assertThat(store.calls).containsExactly(
                "ACCESS_TOKENS" + cutoff, "ACCESS_TOKENS" + cutoff, "ACCESS_TOKENS" + cutoff, "ACCESS_TOKENS" + cutoff,
                "REFRESH_TOKENS" + cutoff, "REFRESH_TOKENS" + cutoff,
                "AUTHORIZATION_CODES" + cutoff, "SESSIONS@2025-05-31T22:00:00Z/10");
    }

    @Test
    void anInterruptedRunStopsBetweenBatches() {
        FakeStore store = new FakeStore();
        store.remaining.put(PurgeKind.ACCESS_TOKENS, 1000);
        Thread.currentThread().interrupt();
        try {
            PurgeReport report = new TokenPurge(store, clock, Duration.ZERO, 10).run();
            assertThat(report.total()).isZero();
            assertThat(store.calls).isEmpty();
        } finally {
            Thread.interrupted();
        }
    }
}
