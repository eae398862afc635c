package io.tollgate.persistence;

import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.TokenCleanupStore;
import io.tollgate.throttle.ThrottleState;
import io.tollgate.throttle.ThrottleStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Throttle rows in auth_throttle. An update locks the row (SELECT ... FOR UPDATE) for the read-modify-write, so
 * concurrent failures from any node are all counted; two first failures racing to insert the same key make one
 * unique violation, and that transaction is simply run again against the row the other inserted.
 */
public class JdbiThrottleStore implements ThrottleStore {
    private static final int ATTEMPTS = 5;
    private static final String COLUMNS = "throttle_key, failures, last_failure, blocked_until, trusted_until, expires";

    /**
     * Throttle rows as the purge sees them: due once {@code expires} (when every count, block and trust in the row
     * has run out) is older than the cleanup retention, like every other purged row.
     */
    public static final PurgeKind PURGE_KIND = new PurgeKind("throttle_counters", false);

    private final Jdbi jdbi;

    public JdbiThrottleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The batched, lock-skipping deletion of expired throttle rows, for the core's purge. */
    public static TokenCleanupStore cleanup(Jdbi jdbi) {
        return JdbiTokenCleanup.forTable(jdbi, PURGE_KIND, "auth_throttle", "t", List.of("t.expires < :cutoff"));
    }

    @Override
    public Map<String, ThrottleState> find(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM auth_throttle "
                        + "WHERE throttle_key IN (<keys>)")
                .bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> Map.entry(rs.getString("throttle_key"), new ThrottleState(rs.getInt("failures"),
                        Sql.instant(rs, "last_failure"), Sql.instant(rs, "blocked_until"),
                        Sql.instant(rs, "trusted_until"), Sql.instant(rs, "expires"))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public ThrottleState update(String key, UnaryOperator<ThrottleState> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> {
                    Optional<ThrottleState> current = lock(handle, key);
                    ThrottleState next = change.apply(current.orElse(ThrottleState.NONE));
                    write(handle, key, next, current.isPresent());
                    return next;
                });
            } catch (JdbiException e) {
                if (!UniqueViolations.isUniqueViolation(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Optional<ThrottleState> lock(Handle handle, String key) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM auth_throttle WHERE throttle_key = :key FOR UPDATE")
                .bind("key", key)
                .map((rs, ctx) -> new ThrottleState(rs.getInt("failures"), Sql.instant(rs, "last_failure"),
                        Sql.instant(rs, "blocked_until"), Sql.instant(rs, "trusted_until"), Sql.instant(rs, "expires")))
                .findOne();
    }

    private static void write(Handle handle, String key, ThrottleState state, boolean exists) {
        String sql = exists
                ? "UPDATE auth_throttle SET failures = :failures, last_failure = :lastFailure, "
                        + "blocked_until = :blockedUntil, trusted_until = :trustedUntil, expires = :expires "
                        + "WHERE throttle_key = :key"
                : "INSERT INTO auth_throttle (" + COLUMNS + ") VALUES (:key, :failures, :lastFailure, :blockedUntil, "
                        + ":trustedUntil, :expires)";
        handle.createUpdate(sql)
                .bind("key", key)
                .bind("failures", state.failures())
                .bind("lastFailure", timestamp(state.lastFailure()))
                .bind("blockedUntil", timestamp(state.blockedUntil()))
                .bind("trustedUntil", timestamp(state.trustedUntil()))
                // A row always ends: one with nothing left to remember may go at the next purge.
                .bind("expires", timestamp(state.expires() == null ? Instant.EPOCH : state.expires()))
                .execute();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
