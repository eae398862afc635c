package io.tollgate.throttle;

import java.util.Collection;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where throttle rows live. Shared by every node (the database), so a count is the same wherever an attempt
 * lands. Keys are opaque fixed-length strings (hashes): no username, client id or address is stored.
 */
public interface ThrottleStore {

    /** The rows for these keys; a key without a row is absent from the map. */
    Map<String, ThrottleState> find(Collection<String> keys);

    /**
     * Replaces the row for {@code key} with {@code change} applied to it ({@link ThrottleState#NONE} when there is
     * none), atomically: concurrent updates of one key from any node never lose a count.
     */
    ThrottleState update(String key, UnaryOperator<ThrottleState> change);
}
