package io.tollgate.oauth.cleanup;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** How many rows of each kind one purge removed, and how long it took. */
public record PurgeReport(Map<PurgeKind, Long> deleted, Duration elapsed) {

    public PurgeReport {
        deleted = Collections.unmodifiableMap(new LinkedHashMap<>(deleted == null ? Map.of() : deleted));
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** How many rows of this kind went; zero for a kind this run did not purge. */
    public long deleted(PurgeKind kind) {
        return deleted.getOrDefault(kind, 0L);
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
