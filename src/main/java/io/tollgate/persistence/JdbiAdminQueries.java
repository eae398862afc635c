package io.tollgate.persistence;

import io.tollgate.admin.AdminQueries;
import io.tollgate.users.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The console's reads across tables, and its bulk revocations (each one transaction). */
public final class JdbiAdminQueries implements AdminQueries {
    private static final String USER_COLUMNS = "id, username, email, is_active, is_staff, is_superuser, last_login";
    private static final String TOKENS = "SELECT * FROM ("
            + "SELECT 'ACCESS' AS kind, t.id, a.client_id, t.user_id, u.username, t.family_id, t.scope, t.created,"
            + " t.expires, t.revoked FROM oauth_access_token t JOIN oauth_application a ON a.id = t.application_id"
            + " LEFT JOIN auth_user u ON u.id = t.user_id"
            + " UNION ALL "
            + "SELECT 'REFRESH' AS kind, t.id, a.client_id, t.user_id, u.username, t.family_id, t.scope, t.created,"
            + " t.expires, t.revoked FROM oauth_refresh_token t JOIN oauth_application a ON a.id = t.application_id"
            + " LEFT JOIN auth_user u ON u.id = t.user_id) x";

    private final Jdbi jdbi;

    public JdbiAdminQueries(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Page<UserRow> searchUsers(String search, int offset, int limit) {
        String where = search == null ? "" : " WHERE LOWER(username) LIKE :q ESCAPE '!' OR LOWER(email) LIKE :q ESCAPE '!'";
        String pattern = search == null ? null : "%" + escapeLike(search.toLowerCase(Locale.ROOT)) + "%";
        return jdbi.inTransaction(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM auth_user" + where);
            Query page = h.createQuery("SELECT " + USER_COLUMNS + " FROM auth_user" + where
                    + " ORDER BY id LIMIT :limit OFFSET :offset");
            if (pattern != null) {
                count.bind("q", pattern);
                page.bind("q", pattern);
            }
            long total = count.mapTo(Long.class).one();
            List<UserRow> rows = page.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> user(rs)).list();
            return new Page<>(rows, Math.max(total, rows.size()));
        });
    }

    @Override
    public List<UserRow> groupMembers(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u." + USER_COLUMNS.replace(", ", ", u.")
                        + " FROM auth_user u JOIN auth_user_groups g ON g.user_id = u.id WHERE g.group_id = :g ORDER BY u.username")
                .bind("g", groupId).map((rs, ctx) -> user(rs)).list());
    }

    @Override
    public List<ApplicationRow> applications(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.client_id, a.name, a.user_id, u.username, a.client_type,"
                        + " a.grant_types, a.allowed_scopes, a.created, a.disabled, a.last_used,"
                        + " (SELECT COUNT(*) FROM oauth_access_token t WHERE t.application_id = a.id AND t.revoked IS NULL"
                        + "   AND t.expires > :now) AS live_access,"
                        + " (SELECT COUNT(*) FROM oauth_refresh_token r WHERE r.application_id = a.id AND r.revoked IS NULL"
                        + "   AND (r.expires IS NULL OR r.expires > :now)) AS live_refresh"
                        + " FROM oauth_application a LEFT JOIN auth_user u ON u.id = a.user_id ORDER BY a.id")
                .bind("now", now)
                .map((rs, ctx) -> new ApplicationRow(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"),
                        Sql.nullableLong(rs, "user_id"), rs.getString("username"), rs.getString("client_type"),
                        rs.getString("grant_types"), rs.getString("allowed_scopes"), Sql.instant(rs, "created"),
                        Sql.instant(rs, "disabled"), rs.getLong("live_access"), rs.getLong("live_refresh"),
                        Sql.instant(rs, "last_used")))
                .list());
    }

    @Override
    public Page<TokenRow> searchTokens(TokenFilter filter, Instant now, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> args = new LinkedHashMap<>();
        if (filter.user() != null) {
            where.add("x.username = :user");
            args.put("user", filter.user());
        }
        if (filter.client() != null) {
            where.add("x.client_id = :client");
            args.put("client", filter.client());
        }
        if (filter.family() != null) {
            where.add("x.family_id = :family");
            args.put("family", filter.family());
        }
        if (filter.status() != null) {
            where.add(switch (filter.status()) {
                case ACTIVE -> "x.revoked IS NULL AND (x.expires IS NULL OR x.expires > :now)";
                case EXPIRED -> "x.revoked IS NULL AND x.expires <= :now";
                case REVOKED -> "x.revoked IS NOT NULL";
            });
            if (filter.status() != TokenStatus.REVOKED) {
                args.put("now", now);
            }
        }
        String sql = TOKENS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        return jdbi.inTransaction(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM (" + sql + ") c");
            args.forEach(count::bind);
            long total = count.mapTo(Long.class).one();
            Query page = h.createQuery(sql + " ORDER BY x.created DESC, x.id DESC LIMIT :limit OFFSET :offset");
            args.forEach(page::bind);
            List<TokenRow> rows = page.bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> token(rs, now)).list();
            return new Page<>(rows, Math.max(total, rows.size()));
        });
    }

    @Override
    public Optional<TokenRow> findToken(TokenKind kind, long id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(TOKENS + " WHERE x.kind = :kind AND x.id = :id")
                .bind("kind", kind.name()).bind("id", id).map((rs, ctx) -> token(rs, now)).findOne());
    }

    @Override
    public int revokeUserTokens(long userId, Instant at) {
        return jdbi.inTransaction(h -> revokeWhere(h, "user_id = :id", userId, at));
    }

    @Override
    public int revokeApplicationTokens(long applicationId, Instant at) {
        return jdbi.inTransaction(h -> revokeWhere(h, "application_id = :id", applicationId, at));
    }

    /** Seals go too, so no refresh token of what was revoked can be replayed within a reuse grace. */
    private static int revokeWhere(Handle h, String condition, long id, Instant at) {
        int access = h.createUpdate("UPDATE oauth_access_token SET revoked = :at WHERE " + condition
                + " AND revoked IS NULL").bind("id", id).bind("at", at).execute();
        int refresh = h.createUpdate("UPDATE oauth_refresh_token SET revoked = :at WHERE " + condition
                + " AND revoked IS NULL").bind("id", id).bind("at", at).execute();
        h.createUpdate("UPDATE oauth_refresh_token SET successor_sealed = NULL WHERE " + condition
                + " AND successor_sealed IS NOT NULL").bind("id", id).execute();
        return access + refresh;
    }

    @Override
    public boolean revokeToken(TokenKind kind, long id, Instant at) {
        return jdbi.inTransaction(h -> {
            if (kind == TokenKind.ACCESS) {
                return h.createUpdate("UPDATE oauth_access_token SET revoked = :at WHERE id = :id AND revoked IS NULL")
                        .bind("id", id).bind("at", at).execute() > 0;
            }
            boolean changed = h.createUpdate("UPDATE oauth_refresh_token SET revoked = :at, successor_sealed = NULL"
                    + " WHERE id = :id AND revoked IS NULL").bind("id", id).bind("at", at).execute() > 0;
            h.createUpdate("UPDATE oauth_access_token SET revoked = :at WHERE refresh_token_id = :id AND revoked IS NULL")
                    .bind("id", id).bind("at", at).execute();
            return changed;
        });
    }

    @Override
    public boolean setDisabled(long applicationId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE oauth_application SET disabled = :at WHERE id = :id")
                .bind("id", applicationId).bind("at", at).execute() > 0);
    }

    @Override
    public Optional<Instant> disabledSince(long applicationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT disabled FROM oauth_application WHERE id = :id")
                .bind("id", applicationId).map((rs, ctx) -> Optional.ofNullable(Sql.instant(rs, "disabled")))
                .findOne().flatMap(found -> found));
    }

    private static UserRow user(ResultSet rs) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                rs.getBoolean("is_active"), rs.getBoolean("is_staff"), rs.getBoolean("is_superuser"),
                Sql.instant(rs, "last_login"));
    }

    private static TokenRow token(ResultSet rs, Instant now) throws SQLException {
        Instant expires = Sql.instant(rs, "expires");
        Instant revoked = Sql.instant(rs, "revoked");
        TokenStatus status = revoked != null ? TokenStatus.REVOKED
                : expires != null && !expires.isAfter(now) ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
        return new TokenRow(TokenKind.valueOf(rs.getString("kind").strip()), rs.getLong("id"), rs.getString("client_id"),
                Sql.nullableLong(rs, "user_id"), rs.getString("username"), rs.getString("family_id"),
                rs.getString("scope"), Sql.instant(rs, "created"), expires, revoked, status);
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public void recordUse(String clientId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE oauth_application SET last_used = :at WHERE client_id = :client"
                        + " AND (last_used IS NULL OR last_used < :at)")
                .bind("at", java.sql.Timestamp.from(at)).bind("client", clientId).execute());
    }
}
