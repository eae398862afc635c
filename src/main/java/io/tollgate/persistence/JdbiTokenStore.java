package io.tollgate.persistence;

import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.SealedSuccessor;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.store.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Access and refresh tokens, by SHA-256 hash. Every multi-row change is one transaction. */
public class JdbiTokenStore implements TokenStore {
    private static final RowMapper<IssuedIds> IDS = (rs, ctx) -> new IssuedIds(rs.getLong("id"),
            rs.getLong("refresh_token_id"));

    /** Most access tokens one group-committed INSERT writes: 64 rows are about 10 KB of parameters. */
    private static final int MAX_ACCESS_BATCH = 64;

    /** Most rotations one transaction runs: each is its own statement, so this bounds the batch's last wait. */
    private static final int MAX_ROTATION_BATCH = 16;

    /**
     * Rotation batches in flight at once: the database runs a batch's statements one after the other, so with one
     * batch at a time a core sat idle; two keep both busy and still share the locks and commits (refresh grants
     * about 1 060/s with one, 1 150/s with two, no better with three). Two batches can deadlock only when two
     * tokens are each presented twice at the same moment; PostgreSQL then undoes one batch after
     * deadlock_timeout and its rotations run alone, where the second presentation of each loses as it should.
     */
    private static final int ROTATION_WRITERS = 2;

    private static final List<String> ACCESS_COLUMNS = List.of("token_hash", "application_id", "user_id", "scope",
            "created", "expires", "family_id");
    private static final String ACCESS_FROM_ARRAYS = Sql.unnestInsert("oauth_access_token", ACCESS_COLUMNS,
            Map.of("application_id", "BIGINT", "user_id", "BIGINT", "created", "TIMESTAMP WITH TIME ZONE",
                    "expires", "TIMESTAMP WITH TIME ZONE"));

    private final Jdbi jdbi;
    private final GroupCommit<NewAccessToken, IssuedIds> accessTokenWrites;
    private final GroupCommit<PendingRotation, Optional<IssuedIds>> rotations;

    public JdbiTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        // One writer: a whole batch of access tokens is one set-based INSERT, quick for the database, and a second
        // writer only halved the batches (client credentials measured about 15% slower with two).
        this.accessTokenWrites = new GroupCommit<>(this::insertAccessTokens, MAX_ACCESS_BATCH);
        this.rotations = new GroupCommit<>(this::rotateBatch, MAX_ROTATION_BATCH, ROTATION_WRITERS);
    }

    /**
     * A lone access token (client credentials, or any grant without a refresh token) is group-committed with the
     * ones other requests are issuing at the same moment: still committed before its answer, but under load one
     * statement and one commit serve many tokens instead of one each.
     */
    @Override
    public IssuedIds save(NewAccessToken access, NewRefreshToken refresh) {
        if (refresh == null) {
            return accessTokenWrites.write(access);
        }
        return jdbi.withHandle(handle -> Sql.isPostgres(handle)
                // One statement is its own transaction: the pair in one round trip instead of four.
                ? bindPair(handle.createQuery(newPair("", "")), access, refresh).map(IDS).one()
                : handle.inTransaction(h -> insertPair(h, access, refresh)));
    }

    private List<IssuedIds> insertAccessTokens(List<NewAccessToken> tokens) {
        if (tokens.size() == 1) {
            // One INSERT is atomic and durable in auto-commit: no BEGIN/COMMIT round trip for a lone access token.
            IssuedIds ids = jdbi.withHandle(handle -> insertPair(handle, tokens.get(0), null));
            return List.of(ids);
        }
        return jdbi.withHandle(handle -> Sql.isPostgres(handle)
                ? insertAsArrays(handle, tokens)
                : handle.inTransaction(h -> tokens.stream().map(token -> insertPair(h, token, null)).toList()));
    }

    /** PostgreSQL: the batch as one statement; RETURNING gives no order, so ids come back by the unique hash. */
    private static List<IssuedIds> insertAsArrays(Handle handle, List<NewAccessToken> tokens) {
        Map<String, Long> ids = Sql.bindColumns(handle.createQuery(ACCESS_FROM_ARRAYS + " RETURNING id, token_hash"),
                        ACCESS_COLUMNS, tokens.stream().map(JdbiTokenStore::textRow).toList())
                // By column index, without a column-mapper lookup per cell as a named row view does.
                .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return tokens.stream().map(token -> new IssuedIds(ids.get(token.tokenHash()), null)).toList();
    }

    /** One lone access token as text, in {@link #ACCESS_COLUMNS} order. */
    private static List<String> textRow(NewAccessToken token) {
        return Arrays.asList(token.tokenHash(), String.valueOf(token.clientDbId()), Sql.text(token.userId()),
                token.scope().asString(), token.created().toString(), token.expires().toString(), token.familyId());
    }

    /**
     * Rotations are group-committed like lone access tokens: the rotations waiting at one moment run one after the
     * other in one transaction (on PostgreSQL sent as one JDBC batch). Besides the commit, that shares the
     * foreign-key checks' share locks on the client's and the user's rows, which concurrent transactions otherwise
     * each take again (PostgreSQL: about half a refresh grant's database time with one busy client). Each rotation still has its own conditional
     * update as the referee, so a second rotation of the same token, in the batch or beside it, gets nothing.
     */
    @Override
    public Optional<IssuedIds> rotate(long oldRefreshTokenId, Instant at, NewAccessToken access,
                                      NewRefreshToken refresh, String sealedSuccessor) {
        return rotations.write(new PendingRotation(oldRefreshTokenId, at, access, refresh, sealedSuccessor));
    }

    private List<Optional<IssuedIds>> rotateBatch(List<PendingRotation> batch) {
        if (batch.size() == 1) {
            return List.of(rotateAlone(batch.get(0)));
        }
        // A failure (a deadlock with a revocation, an H2 concurrent update) undoes the batch, and GroupCommit then
        // runs each rotation alone, where such a loser gets its usual answer.
        return jdbi.inTransaction(handle -> Sql.isPostgres(handle)
                ? rotateAsBatch(handle, batch)
                : batch.stream().map(rotation -> rotateStepByStep(handle, rotation)).toList());
    }

    private Optional<IssuedIds> rotateAlone(PendingRotation rotation) {
        try {
            return jdbi.withHandle(handle -> Sql.isPostgres(handle)
                    ? rotateInOneStatement(handle, rotation)
                    : handle.inTransaction(h -> rotateStepByStep(h, rotation)));
        } catch (RuntimeException e) {
            if (Sql.H2_CONCURRENT_UPDATE.equals(Sql.sqlState(e))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private record PendingRotation(long oldId, Instant at, NewAccessToken access, NewRefreshToken refresh,
                                   String sealed) {
    }

    /**
     * PostgreSQL: the whole rotation as one statement, so one round trip and one commit instead of seven. The
     * conditional update of the old row is still the race's referee: a concurrent rotation waits for its row lock,
     * re-reads it revoked, and every later part of the statement hangs off its (then empty) result, so the loser
     * writes nothing and gets no row back. Old seals of the family go as in the step-by-step version; the old row
     * itself (live until now, so without a seal) takes the new one.
     */
    private static final String ROTATION = newPair(" FROM old", "old AS (UPDATE oauth_refresh_token SET revoked = :at, "
            + "successor_sealed = :sealed, rotated = :rotated WHERE id = :old AND revoked IS NULL "
            + "RETURNING id), "
            // No "revoked IS NULL" filter: with it the planner ANDed in the revoked index, which holds every live
            // token (40 ms a rotation at 300 000 tokens); COALESCE keeps an earlier revocation's time instead.
            + "old_access AS (UPDATE oauth_access_token SET revoked = COALESCE(revoked, :at) "
            + "WHERE refresh_token_id IN (SELECT id FROM old)), "
            + "old_seals AS (UPDATE oauth_refresh_token "
            + "SET successor_sealed = NULL, rotated = NULL "
            + "WHERE family_id = :family AND successor_sealed IS NOT NULL AND id <> :old "
            + "AND EXISTS (SELECT 1 FROM old)), ");

    private static Optional<IssuedIds> rotateInOneStatement(Handle handle, PendingRotation rotation) {
        return bindRotation(handle.createQuery(ROTATION), rotation).map(IDS).findOne();
    }

    /**
     * PostgreSQL: a batch's rotations as one JDBC batch, which the driver sends in one round trip. A winner's entry
     * answers with its new access token's row, a loser's with none; the driver hands back the rows of all entries
     * as one result set, so they are matched to rotations by that token's unique hash.
     */
    private static List<Optional<IssuedIds>> rotateAsBatch(Handle handle, List<PendingRotation> rotations) {
        PreparedBatch batch = handle.prepareBatch(ROTATION);
        rotations.forEach(rotation -> bindRotation(batch, rotation).add());
        Map<String, IssuedIds> won = batch.executePreparedBatch("id", "refresh_token_id", "token_hash")
                .map((rs, ctx) -> Map.entry(rs.getString(3), new IssuedIds(rs.getLong(1), rs.getLong(2))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return rotations.stream().map(rotation -> Optional.ofNullable(won.get(rotation.access().tokenHash())))
                .toList();
    }

    private static <S extends SqlStatement<S>> S bindRotation(S statement, PendingRotation rotation) {
        return bindPair(statement, rotation.access(), rotation.refresh())
                .bind("at", rotation.at()).bind("old", rotation.oldId())
                .bind("family", rotation.refresh().familyId()).bind("sealed", rotation.sealed())
                .bind("rotated", rotation.sealed() == null ? null : rotation.at());
    }

    private static Optional<IssuedIds> rotateStepByStep(Handle handle, PendingRotation rotation) {
        // The conditional update is the race's referee: the row lock lets exactly one caller see 1 row.
        if (revokeRefresh(handle, rotation.oldId(), rotation.at()) == 0) {
            return Optional.empty();
        }
        // Only the immediately previous token may be replayed: older seals of the family go.
        handle.createUpdate("UPDATE oauth_refresh_token SET successor_sealed = NULL, rotated = NULL "
                        + "WHERE family_id = :family AND successor_sealed IS NOT NULL")
                .bind("family", rotation.refresh().familyId()).execute();
        if (rotation.sealed() != null) {
            handle.createUpdate("UPDATE oauth_refresh_token SET successor_sealed = :sealed, rotated = :at "
                            + "WHERE id = :id")
                    .bind("sealed", rotation.sealed()).bind("at", rotation.at()).bind("id", rotation.oldId())
                    .execute();
        }
        return Optional.of(insertPair(handle, rotation.access(), rotation.refresh()));
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

    /** One query: the token joined with its user's row (a missing or inactive user makes the owner inactive). */
    @Override
    public Optional<RefreshTokenAndOwner> findRefreshTokenAndOwner(String tokenHash,
                                                                   ResourceOwnerAuthenticator owners) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT r.id, r.token_hash, r.application_id, r.user_id, r.scope, r.created, r.expires, "
                                + "r.revoked, r.family_id, (r.user_id IS NULL OR u.is_active) AS owner_active "
                                + "FROM oauth_refresh_token r LEFT JOIN auth_user u ON u.id = r.user_id "
                                + "WHERE r.token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new RefreshTokenAndOwner(mapRefresh(rs, ctx), rs.getBoolean("owner_active")))
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

    /**
     * The new pair as one PostgreSQL statement: the common table expressions {@code before}, then new_refresh, then
     * the access row's INSERT as the main statement (the driver gives a JDBC batch's RETURNING rows only for a
     * data-modifying main statement). The refresh row is written once per row of {@code from} (empty: once;
     * " FROM old": only if the CTE named old returned a row), and the access row links to it. Parameters are cast
     * because a SELECT list gives PostgreSQL no column to infer their types from.
     */
    private static String newPair(String from, String before) {
        return "WITH " + before
                + "new_refresh AS (INSERT INTO oauth_refresh_token (token_hash, application_id, user_id, scope, created, "
                + "expires, family_id) SELECT :rHash, CAST(:rApp AS BIGINT), CAST(:rUser AS BIGINT), :rScope, "
                + "CAST(:rCreated AS TIMESTAMP WITH TIME ZONE), CAST(:rExpires AS TIMESTAMP WITH TIME ZONE), :rFamily"
                + from + " RETURNING id) "
                + "INSERT INTO oauth_access_token (token_hash, application_id, user_id, scope, created, "
                + "expires, refresh_token_id, family_id) SELECT :aHash, CAST(:aApp AS BIGINT), CAST(:aUser AS BIGINT), "
                + ":aScope, CAST(:aCreated AS TIMESTAMP WITH TIME ZONE), CAST(:aExpires AS TIMESTAMP WITH TIME ZONE), "
                + "id, :aFamily FROM new_refresh RETURNING id, refresh_token_id, token_hash";
    }

    private static <S extends SqlStatement<S>> S bindPair(S query, NewAccessToken access, NewRefreshToken refresh) {
        return query.bind("rHash", refresh.tokenHash()).bind("rApp", refresh.clientDbId())
                .bind("rUser", refresh.userId()).bind("rScope", refresh.scope().asString())
                .bind("rCreated", refresh.created()).bind("rExpires", refresh.expires())
                .bind("rFamily", refresh.familyId())
                .bind("aHash", access.tokenHash()).bind("aApp", access.clientDbId())
                .bind("aUser", access.userId()).bind("aScope", access.scope().asString())
                .bind("aCreated", access.created()).bind("aExpires", access.expires())
                .bind("aFamily", access.familyId());
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
