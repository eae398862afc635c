package io.tollgate.persistence;

import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.store.AuthorizationCodeStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Authorization codes by SHA-256 hash; redemption is a conditional update, so a code is spent once. Each call is
 * its own committed transaction: the replay flag's ordering guarantee relies on it.
 */
public record JdbiAuthorizationCodeStore(Jdbi jdbi) implements AuthorizationCodeStore {
    private static final String COLUMNS = "code_hash, application_id, user_id, redirect_uri, scope, code_challenge, "
            + "code_challenge_method, created, expires, family_id";

    @Override
    public void save(AuthorizationCode code) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO oauth_authorization_code (" + COLUMNS
                        + ") VALUES (:hash, :app, :user, :redirectUri, :scope, :challenge, :method, :created, :expires, "
                        + ":family)")
                .bind("hash", code.codeHash())
                .bind("app", code.clientDbId())
                .bind("user", code.userId())
                .bind("redirectUri", code.redirectUri())
                .bind("scope", code.scope().asString())
                .bind("challenge", code.codeChallenge())
                .bind("method", code.codeChallengeMethod())
                .bind("created", code.created())
                .bind("expires", code.expires())
                .bind("family", code.familyId())
                .execute());
    }

    @Override
    public Optional<AuthorizationCode> consume(String codeHash, Instant at) {
        String spend = "UPDATE oauth_authorization_code SET consumed = :at "
                + "WHERE code_hash = :hash AND consumed IS NULL";
        try {
            return jdbi.withHandle(handle -> Sql.isPostgres(handle)
                    // One statement, committed on its own: the spent code comes back in the same round trip.
                    ? handle.createQuery(spend + " RETURNING " + COLUMNS).bind("at", at).bind("hash", codeHash)
                            .map(JdbiAuthorizationCodeStore::map).findOne()
                    : handle.inTransaction(h -> h.createUpdate(spend).bind("at", at).bind("hash", codeHash)
                            .execute() == 1 ? find(h, codeHash, false) : Optional.<AuthorizationCode>empty()));
        } catch (RuntimeException e) {
            if (Sql.H2_CONCURRENT_UPDATE.equals(Sql.sqlState(e))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<AuthorizationCode> findConsumed(String codeHash) {
        return jdbi.withHandle(handle -> find(handle, codeHash, true));
    }

    @Override
    public Optional<AuthorizationCode> markReplayed(String codeHash, Instant at) {
        // H2 refuses the loser of two simultaneous updates of one row (90131) instead of waiting and re-reading
        // like PostgreSQL; a retry re-reads committed state, where the other writer's flag or consumption shows.
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> {
                    handle.createUpdate("UPDATE oauth_authorization_code SET replayed = :at "
                                    + "WHERE code_hash = :hash AND consumed IS NOT NULL AND replayed IS NULL")
                            .bind("at", at).bind("hash", codeHash).execute();
                    return find(handle, codeHash, true);
                });
            } catch (RuntimeException e) {
                if (attempt >= 5 || !Sql.H2_CONCURRENT_UPDATE.equals(Sql.sqlState(e))) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean isReplayed(String codeHash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM oauth_authorization_code "
                        + "WHERE code_hash = :hash AND replayed IS NOT NULL")
                .bind("hash", codeHash).mapTo(Long.class).one() > 0);
    }

    private static Optional<AuthorizationCode> find(Handle handle, String codeHash, boolean onlyConsumed) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM oauth_authorization_code WHERE code_hash = :hash"
                        + (onlyConsumed ? " AND consumed IS NOT NULL" : ""))
                .bind("hash", codeHash)
                .map(JdbiAuthorizationCodeStore::map)
                .findOne();
    }

    private static AuthorizationCode map(ResultSet rs, StatementContext context) throws SQLException {
        return new AuthorizationCode(rs.getString("code_hash"), rs.getLong("application_id"), rs.getLong("user_id"),
                rs.getString("redirect_uri"), Sql.scope(rs, "scope"), rs.getString("code_challenge"),
                rs.getString("code_challenge_method"), Sql.instant(rs, "created"), Sql.instant(rs, "expires"),
                rs.getString("family_id"));
    }
}
