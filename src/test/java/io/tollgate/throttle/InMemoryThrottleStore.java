package io.tollgate.throttle;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The throttle's store for unit tests: one map, updated atomically per key. */
public final class InMemoryThrottleStore implements ThrottleStore {
    private final Map<String, ThrottleState> rows = new ConcurrentHashMap<>();

    @Override
    public Map<String, ThrottleState> find(Collection<String> keys) {
        Map<String, ThrottleState> found = new HashMap<>();
        keys.forEach(key -> {
            ThrottleState row = rows.get(key);
            if (row != null) {
                found.put(key, row);
            }
        });
        return found;
    }

    @Override
    public ThrottleState update(String key, UnaryOperator<ThrottleState> change) {
        return rows.compute(key, (k, current) -> change.apply(current == null ? ThrottleState.NONE : current));
    }

    public int size() {
        return rows.size();
    }

    public Collection<ThrottleState> rows() {
        return rows.values();
    }
}
