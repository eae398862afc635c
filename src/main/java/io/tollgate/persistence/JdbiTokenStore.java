package io.tollgate.persistence;

import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.SealedSuccessor;
import io.tollgate.oauth.store.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Access and refresh tokens, by SHA-256 hash. Every multi-row change is one transaction. */
public class JdbiTokenStore implements TokenStore {
    private final Jdbi jdbi;

    public JdbiTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public IssuedIds save(NewAccessToken access, NewRefreshToken refresh) {
        if (refresh == null) {
            // One INSERT is atomic and durable in auto-commit: no BEGIN/COMMIT round trip for a lone access token.
            return jdbi.withHandle(handle -> insertPair(handle, access, null));
        }
        return jdbi.inTransaction(handle -> insertPair(handle, access, refresh));
    }

    @Override
    public Optional<IssuedIds> rotate(long oldRefreshTokenId, Instant at, NewAccessToken access,
                                      NewRefreshToken refresh, String sealedSuccessor) {
        try {
            return jdbi.inTransaction(handle -> {
                // The conditional update is the race's referee: the row lock lets exactly one caller see 1 row.
                if (revokeRefresh(handle, oldRefreshTokenId, at) == 0) {
                    return Optional.empty();
                }
                // Only the immediately previous token may be replayed: older seals of the family go.
                handle.createUpdate("UPDATE oauth_refresh_token SET successor_sealed = NULL, rotated = NULL "
                                + "WHERE family_id = :family AND successor_sealed IS NOT NULL")
                        .bind("family", refresh.familyId()).execute();
                if (sealedSuccessor != null) {
                    handle.createUpdate("UPDATE oauth_refresh_token SET successor_sealed = :sealed, rotated = :at "
                                    + "WHERE id = :id")
                            .bind("sealed", sealedSuccessor).bind("at", at).bind("id", oldRefreshTokenId).execute();
                }
                return Optional.of(insertPair(handle, access, refresh));
            });
        } catch (RuntimeException e) {
            if (Sql.H2_CONCURRENT_UPDATE.equals(Sql.sqlState(e))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<SealedSuccessor> findSealedSuccessor(long refreshTokenId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT successor_sealed, rotated FROM oauth_refresh_token "
                        + "WHERE id = :id AND successor_sealed IS NOT NULL AND rotated IS NOT NULL")
                .bind("id", refreshTokenId)
                .map((rs, ctx) -> new SealedSuccessor(rs.getString("successor_sealed"), Sql.instant(rs, "rotated")))
                .findOne());
    }

    @Override
    public Optional<AccessToken> findAccessToken(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT a.id, a.token_hash, a.application_id, app.client_id, a.user_id, a.scope, a.created, "
                                + "a.expires, a.revoked, a.refresh_token_id, a.family_id FROM oauth_access_token a "
                                + "JOIN oauth_application app ON app.id = a.application_id WHERE a.token_hash = :hash")
                .bind("hash", tokenHash)
                .map(JdbiTokenStore::mapAccess)
                .findOne());
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, token_hash, application_id, user_id, scope, created, expires, revoked, family_id "
                                + "FROM oauth_refresh_token WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(JdbiTokenStore::mapRefresh)
                .findOne());
    }

    @Override
    public boolean revokeRefreshToken(long refreshTokenId, Instant at) {
        try {
            return jdbi.inTransaction(handle -> revokeRefresh(handle, refreshTokenId, at) == 1);
        } catch (RuntimeException e) {
            if (Sql.H2_CONCURRENT_UPDATE.equals(Sql.sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean revokeAccessToken(long accessTokenId, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE oauth_access_token SET revoked = :at WHERE id = :id AND revoked IS NULL")
                .bind("at", at)
                .bind("id", accessTokenId)
                .execute()) == 1;
    }

    @Override
    public int revokeFamily(String familyId, Instant at) {
        return jdbi.inTransaction(handle -> {
            int refresh = handle.createUpdate(
                            "UPDATE oauth_refresh_token SET revoked = :at WHERE family_id = :family AND revoked IS NULL")
                    .bind("at", at).bind("family", familyId).execute();
            int access = handle.createUpdate(
                            "UPDATE oauth_access_token SET revoked = :at WHERE family_id = :family AND revoked IS NULL")
                    .bind("at", at).bind("family", familyId).execute();
            handle.createUpdate("UPDATE oauth_refresh_token SET successor_sealed = NULL, rotated = NULL "
                            + "WHERE family_id = :family AND successor_sealed IS NOT NULL")
                    .bind("family", familyId).execute();
            return refresh + access;
        });
    }

    /** Revokes the refresh token if still live, and with it the access tokens issued alongside; returns rows of the first. */
    private static int revokeRefresh(Handle handle, long refreshTokenId, Instant at) {
        int changed = handle.createUpdate(
                        "UPDATE oauth_refresh_token SET revoked = :at WHERE id = :id AND revoked IS NULL")
                .bind("at", at).bind("id", refreshTokenId).execute();
        if (changed == 1) {
            handle.createUpdate(
                            "UPDATE oauth_access_token SET revoked = :at WHERE refresh_token_id = :id AND revoked IS NULL")
                    .bind("at", at).bind("id", refreshTokenId).execute();
        }
        return changed;
    }

    private static IssuedIds insertPair(Handle handle, NewAccessToken access, NewRefreshToken refresh) {
        Long refreshId = refresh == null ? null : handle.createUpdate(
                        "INSERT INTO oauth_refresh_token (token_hash, application_id, user_id, scope, created, expires, "
                                + "family_id) VALUES (:hash, :app, :user, :scope, :created, :expires, :family)")
                .bind("hash", refresh.tokenHash())
                .bind("app", refresh.clientDbId())
                .bind("user", refresh.userId())
                .bind("scope", refresh.scope().asString())
                .bind("created", refresh.created())
                .bind("expires", refresh.expires())
                .bind("family", refresh.familyId())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        long accessId = handle.createUpdate(
                        "INSERT INTO oauth_access_token (token_hash, application_id, user_id, scope, created, expires, "
                                + "refresh_token_id, family_id) VALUES (:hash, :app, :user, :scope, :created, :expires, "
                                + ":refresh, :family)")
                .bind("hash", access.tokenHash())
                .bind("app", access.clientDbId())
                .bind("user", access.userId())
                .bind("scope", access.scope().asString())
                .bind("created", access.created())
                .bind("expires", access.expires())
                .bind("refresh", refreshId)
                .bind("family", access.familyId())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new IssuedIds(accessId, refreshId);
    }

    private static AccessToken mapAccess(ResultSet rs, StatementContext context) throws SQLException {
        return new AccessToken(rs.getLong("id"), rs.getString("token_hash"), rs.getLong("application_id"),
                rs.getString("client_id"), Sql.nullableLong(rs, "user_id"), Sql.scope(rs, "scope"),
                Sql.instant(rs, "created"), Sql.instant(rs, "expires"), Sql.instant(rs, "revoked"),
                Sql.nullableLong(rs, "refresh_token_id"), rs.getString("family_id"));
    }

    private static RefreshToken mapRefresh(ResultSet rs, StatementContext context) throws SQLException {
        return new RefreshToken(rs.getLong("id"), rs.getString("token_hash"), rs.getLong("application_id"),
                Sql.nullableLong(rs, "user_id"), Sql.scope(rs, "scope"), Sql.instant(rs, "created"),
                Sql.instant(rs, "expires"), Sql.instant(rs, "revoked"), rs.getString("family_id"));
    }
}
