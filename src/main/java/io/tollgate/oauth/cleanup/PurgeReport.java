package io.tollgate.oauth.cleanup;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** How many rows of each kind one purge removed, and how long it took. */
public record PurgeReport(Map<PurgeKind, Long> deleted, Duration elapsed) {

    public PurgeReport {
        Map<PurgeKind, Long> copy = new EnumMap<>(PurgeKind.class);
        for (PurgeKind kind : PurgeKind.values()) {
            copy.put(kind, deleted == null ? 0L : deleted.getOrDefault(kind, 0L));
        }
        deleted = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public long deleted(PurgeKind kind) {
        return deleted.get(kind);
    }

    public long total() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "access_tokens=3 refresh_tokens=1 authorization_codes=0" in purge order. */
    public String summary() {
        return deleted.entrySet().stream()
                .map(entry -> entry.getKey().label() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
