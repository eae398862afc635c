package io.tollgate.oauth.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired and revoked tokens and spent or expired authorization codes, keeping each row for
 * {@code retention} after it stopped being usable (for audits and for replay detection to still recognise it).
 * Works in batches until a batch finds nothing, so it ends even while other nodes purge at the same time.
 * Paced: after each full batch it rests {@code restRatio} times as long as the batch took, so a purge of a million
 * rows takes at most 1 / (1 + restRatio) of the database's and this node's time from the requests beside it,
 * whatever the hardware. Stops early, with what it has done so far, when its thread is interrupted (shutdown).
 */
public final class TokenPurge {

    /** How the purge rests between batches; a test's fake records instead of sleeping. */
    @FunctionalInterface
    interface Rest {
        Rest SLEEP = TimeUnit.NANOSECONDS::sleep;

        void rest(long nanos) throws InterruptedException;
    }

    private final Map<PurgeKind, TokenCleanupStore> stores;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final Duration sessionIdleTimeout;
    private final double restRatio;
    private final Rest rest;

    public TokenPurge(TokenCleanupStore store, Clock clock, Duration retention, int batchSize) {
        this(store, clock, retention, batchSize, Duration.ofHours(2));
    }

    /** The built-in kinds, all in one store. */
    public TokenPurge(TokenCleanupStore store, Clock clock, Duration retention, int batchSize,
                      Duration sessionIdleTimeout) {
        this(standard(store), clock, retention, batchSize, sessionIdleTimeout);
    }

    /**
     * @param stores             each kind with the store that deletes its rows, in the order they must go
     * @param sessionIdleTimeout sessions.idleTimeout: a session idle this long has ended and is deleted
     */
    public TokenPurge(Map<PurgeKind, TokenCleanupStore> stores, Clock clock, Duration retention, int batchSize,
                      Duration sessionIdleTimeout) {
        this(stores, clock, retention, batchSize, sessionIdleTimeout, 0, Rest.SLEEP);
    }

    /** @param restRatio after a full batch, rest this many times as long as it took (0: no rest) */
    public TokenPurge(Map<PurgeKind, TokenCleanupStore> stores, Clock clock, Duration retention, int batchSize,
                      Duration sessionIdleTimeout, double restRatio) {
        this(stores, clock, retention, batchSize, sessionIdleTimeout, restRatio, Rest.SLEEP);
    }

    TokenPurge(Map<PurgeKind, TokenCleanupStore> stores, Clock clock, Duration retention, int batchSize,
               Duration sessionIdleTimeout, double restRatio, Rest rest) {
        if (!(restRatio >= 0 && restRatio <= 100)) {
            throw new IllegalArgumentException("restRatio must be between 0 and 100");
        }
        this.restRatio = restRatio;
        this.rest = Objects.requireNonNull(rest, "rest");
        this.sessionIdleTimeout = Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        this.stores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
    }

    public static Map<PurgeKind, TokenCleanupStore> standard(TokenCleanupStore store) {
        Map<PurgeKind, TokenCleanupStore> stores = new LinkedHashMap<>();
        PurgeKind.STANDARD.forEach(kind -> stores.put(kind, store));
        return stores;
    }

    /** The kinds this purge removes, in order. */
    public java.util.List<PurgeKind> kinds() {
        return java.util.List.copyOf(stores.keySet());
    }

    public PurgeReport run() {
        Instant started = clock.instant();
        // One cutoff for the whole run, so rows becoming eligible mid-run do not keep it going.
        Instant cutoff = started.minus(retention);
        Instant sessionCutoff = started.minus(sessionIdleTimeout);
        Map<PurgeKind, Long> deleted = new LinkedHashMap<>();
        for (Map.Entry<PurgeKind, TokenCleanupStore> entry : stores.entrySet()) {
            PurgeKind kind = entry.getKey();
            long total = 0;
            int batch;
            do {
                if (Thread.currentThread().isInterrupted()) {
                    deleted.put(kind, total);
                    return new PurgeReport(deleted, Duration.between(started, clock.instant()));
                }
                long began = System.nanoTime();
                batch = entry.getValue().deleteBatch(kind, kind.sessionCutoff() ? sessionCutoff : cutoff, batchSize);
                total += batch;
                // A short batch was the last one (or nearly): no rest before the call that finds nothing.
                if (batch == batchSize && restRatio > 0) {
                    pause((long) ((System.nanoTime() - began) * restRatio));
                }
            } while (batch > 0);
            deleted.put(kind, total);
        }
        return new PurgeReport(deleted, Duration.between(started, clock.instant()));
    }

    private void pause(long nanos) {
        try {
            rest.rest(nanos);
        } catch (InterruptedException e) {
            // Seen at the top of the loop, which then returns what was done.
            Thread.currentThread().interrupt();
        }
    }
}
