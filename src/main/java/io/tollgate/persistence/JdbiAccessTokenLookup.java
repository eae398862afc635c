package io.tollgate.persistence;

import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ResolvedAccessToken;
import io.tollgate.oauth.store.AccessTokenLookup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** One indexed query per uncached API request: the token, its client and its user's flags. */
public class JdbiAccessTokenLookup implements AccessTokenLookup {
    private final Jdbi jdbi;

    public JdbiAccessTokenLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ResolvedAccessToken> findByHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT a.id, a.token_hash, a.family_id, a.application_id, app.client_id, a.user_id, u.username, "
                                + "u.is_staff, u.is_superuser, u.is_active, a.scope, a.created, a.expires, a.revoked, "
                                + "a.refresh_token_id "
                                + "FROM oauth_access_token a "
                                + "JOIN oauth_application app ON app.id = a.application_id "
                                + "LEFT JOIN auth_user u ON u.id = a.user_id "
                                + "WHERE a.token_hash = :hash")
                .bind("hash", tokenHash)
                .map(JdbiAccessTokenLookup::map)
                .findOne());
    }

    private static ResolvedAccessToken map(ResultSet rs, StatementContext context) throws SQLException {
        Long userId = Sql.nullableLong(rs, "user_id");
        Set<String> roles = new HashSet<>();
        if (userId != null && rs.getBoolean("is_staff")) {
            roles.add(AccessTokenClaims.STAFF);
        }
        if (userId != null && rs.getBoolean("is_superuser")) {
            roles.add(AccessTokenClaims.SUPERUSER);
        }
        AccessTokenClaims claims = new AccessTokenClaims(rs.getLong("id"), rs.getString("token_hash"),
                rs.getString("family_id"), rs.getLong("application_id"), rs.getString("client_id"), userId,
                rs.getString("username"), roles, Sql.scope(rs, "scope"), Sql.instant(rs, "created"),
                Sql.instant(rs, "expires"));
        boolean ownerActive = userId == null || rs.getBoolean("is_active");
        return new ResolvedAccessToken(claims, Sql.instant(rs, "revoked"), ownerActive,
                Sql.nullableLong(rs, "refresh_token_id"));
    }
}
