package io.tollgate.persistence;

import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.TokenCleanupStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Batched purge: select at most n ids, delete them, one short transaction per batch (on PostgreSQL in one
 * statement). On PostgreSQL the select takes {@code FOR UPDATE SKIP LOCKED}, so nodes purging at once split the rows
 * instead of queueing on each other's locks (and cannot deadlock). On H2 (no SKIP LOCKED) a
 * batch that collides with another purge is retried, and rows already gone simply are not counted.
 */
public class JdbiTokenCleanup implements TokenCleanupStore {
    /** PostgreSQL's deadlock_detected and serialization_failure: both mean "try this batch again". */
    private static final String PG_DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";
    /** H2's lock timeout: another purge holds the rows; retrying finds them gone. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final int ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final Map<PurgeKind, Target> targets;
    private volatile Boolean postgres;

    /** The built-in kinds: tokens, codes and sessions. */
    public JdbiTokenCleanup(Jdbi jdbi) {
        this(jdbi, standardTargets());
    }

    private JdbiTokenCleanup(Jdbi jdbi, Map<PurgeKind, Target> targets) {
        this.jdbi = jdbi;
        this.targets = Map.copyOf(targets);
    }

    /**
     * The same batched, lock-skipping, retrying deletion for another kind of row (device codes): rows of
     * {@code table} (aliased {@code alias}) are due when any of {@code conditions} holds, each written against
     * {@code :cutoff}.
     */
    public static JdbiTokenCleanup forTable(Jdbi jdbi, PurgeKind kind, String table, String alias,
                                            List<String> conditions) {
        return new JdbiTokenCleanup(jdbi, Map.of(kind, new Target(table, alias, List.copyOf(conditions), "")));
    }

    @Override
    public int deleteBatch(PurgeKind kind, Instant cutoff, int limit) {
        Target target = targets.get(kind);
        if (target == null) {
            throw new IllegalArgumentException("No table for purge kind " + kind.label());
        }
        boolean postgres = isPostgres();
        String lock = postgres ? " FOR UPDATE SKIP LOCKED" : "";
        for (int attempt = 1; ; attempt++) {
            try {
                if (postgres) {
                    return deleteInPlace(target, cutoff, limit);
                }
                return jdbi.inTransaction(handle -> {
                    // One select per condition rather than an OR, so each can walk its own index.
                    Set<Long> ids = new LinkedHashSet<>();
                    for (String condition : target.conditions()) {
                        if (ids.size() >= limit) {
                            break;
                        }
                        ids.addAll(handle.createQuery("SELECT " + target.alias() + ".id FROM " + target.table() + " "
                                        + target.alias() + " WHERE " + condition + target.extra() + " LIMIT :limit" + lock)
                                .bind("cutoff", cutoff)
                                .bind("limit", limit - ids.size())
                                .mapTo(Long.class)
                                .list());
                    }
                    if (ids.isEmpty()) {
                        return 0;
                    }
                    // Two steps: H2 ran DELETE ... WHERE id IN (SELECT ... LIMIT n) far too slowly on 100k rows.
                    return handle.createUpdate("DELETE FROM " + target.table() + " WHERE id IN (<ids>)")
                            .bindList("ids", List.copyOf(ids))
                            .execute();
                });
            } catch (RuntimeException e) {
                String state = Sql.sqlState(e);
                boolean collision = Sql.H2_CONCURRENT_UPDATE.equals(state) || H2_LOCK_TIMEOUT.equals(state)
                        || PG_DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state);
                if (!collision || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * PostgreSQL: one statement per condition selects, locks and deletes the batch in place. The profile of a purge
     * of 300 000 tokens showed the two-step form's cost mostly on our side (a thousand ids read back, then bound
     * and sent again as a thousand parameters), which is CPU taken from the requests the purge runs beside.
     */
    private int deleteInPlace(Target target, Instant cutoff, int limit) {
        return jdbi.inTransaction(handle -> {
            int deleted = 0;
            for (String condition : target.conditions()) {
                if (deleted >= limit) {
                    break;
                }
                deleted += handle.createUpdate("DELETE FROM " + target.table() + " WHERE id IN (SELECT "
                                + target.alias() + ".id FROM " + target.table() + " " + target.alias() + " WHERE "
                                + condition + target.extra() + " LIMIT :limit FOR UPDATE SKIP LOCKED)")
                        .bind("cutoff", cutoff)
                        .bind("limit", limit - deleted)
                        .execute();
            }
            return deleted;
        });
    }

    /** Rows of {@code table} are due when any of {@code conditions} holds and {@code extra} (may be "") too. */
    private record Target(String table, String alias, List<String> conditions, String extra) {
    }

    private static Map<PurgeKind, Target> standardTargets() {
        return Map.of(
                PurgeKind.ACCESS_TOKENS, new Target("oauth_access_token", "a",
                        List.of("a.expires < :cutoff", "a.revoked < :cutoff"), ""),
                // A refresh token still referenced by an access token waits for a later run: deleting it would
                // cascade (fk_oauth_access_token_refresh is ON DELETE CASCADE) to that access token, live or not.
                PurgeKind.REFRESH_TOKENS, new Target("oauth_refresh_token", "r",
                        List.of("r.expires < :cutoff", "r.revoked < :cutoff"),
                        " AND NOT EXISTS (SELECT 1 FROM oauth_access_token a WHERE a.refresh_token_id = r.id)"),
                PurgeKind.AUTHORIZATION_CODES, new Target("oauth_authorization_code", "c",
                        List.of("c.expires < :cutoff", "c.consumed < :cutoff"), ""),
                PurgeKind.SESSIONS, new Target("web_session", "s", List.of("s.last_seen < :cutoff"), ""));
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = jdbi.withHandle(handle -> handle.getConnection().getMetaData().getDatabaseProductName())
                        .toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }
}
