package io.tollgate.persistence;

import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.TokenCleanupStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Batched purge: {@code DELETE ... WHERE id IN (SELECT id ... LIMIT n)}, one short transaction per batch.
 * On PostgreSQL the inner select takes {@code FOR UPDATE SKIP LOCKED}, so nodes purging at once split the rows
 * instead of queueing on each other's locks (and cannot deadlock). H2 has no SKIP LOCKED in a subquery; there a
 * batch that collides with another purge is retried, and rows already gone simply are not counted.
 */
public class JdbiTokenCleanup implements TokenCleanupStore {
    /** PostgreSQL's deadlock_detected and serialization_failure: both mean "try this batch again". */
    private static final String PG_DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int ATTEMPTS = 5;

    private final Jdbi jdbi;
    private volatile Boolean postgres;

    public JdbiTokenCleanup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int deleteBatch(PurgeKind kind, Instant cutoff, int limit) {
        String sql = sql(kind);
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> handle.createUpdate(sql)
                        .bind("cutoff", cutoff)
                        .bind("limit", limit)
                        .execute());
            } catch (RuntimeException e) {
                String state = Sql.sqlState(e);
                boolean collision = Sql.H2_CONCURRENT_UPDATE.equals(state) || PG_DEADLOCK.equals(state)
                        || SERIALIZATION_FAILURE.equals(state);
                if (!collision || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private String sql(PurgeKind kind) {
        String lock = isPostgres() ? " FOR UPDATE SKIP LOCKED" : "";
        return switch (kind) {
            case ACCESS_TOKENS -> "DELETE FROM oauth_access_token WHERE id IN (SELECT id FROM oauth_access_token "
                    + "WHERE expires < :cutoff OR revoked < :cutoff LIMIT :limit" + lock + ")";
            // A refresh token still referenced by an access token waits for the next run: deleting it would
            // cascade (fk_oauth_access_token_refresh is ON DELETE CASCADE) to that access token, live or not.
            case REFRESH_TOKENS -> "DELETE FROM oauth_refresh_token WHERE id IN (SELECT r.id FROM oauth_refresh_token r "
                    + "WHERE (r.expires < :cutoff OR r.revoked < :cutoff) AND NOT EXISTS (SELECT 1 FROM "
                    + "oauth_access_token a WHERE a.refresh_token_id = r.id) LIMIT :limit" + lock + ")";
            case AUTHORIZATION_CODES -> "DELETE FROM oauth_authorization_code WHERE id IN (SELECT id FROM "
                    + "oauth_authorization_code WHERE expires < :cutoff OR consumed < :cutoff LIMIT :limit" + lock + ")";
            case SESSIONS -> "DELETE FROM web_session WHERE id IN (SELECT id FROM web_session "
                    + "WHERE last_seen < :cutoff LIMIT :limit" + lock + ")";
        };
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
