package io.tollgate.persistence;

import io.tollgate.web.security.BearerToken;
import io.tollgate.web.security.BearerTokenLookup;
import io.tollgate.web.security.TokenPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** One indexed query per uncached API request: the token, its client and its user's flags. */
public class JdbiBearerTokenLookup implements BearerTokenLookup {
    private final Jdbi jdbi;

    public JdbiBearerTokenLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<BearerToken> findByHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT a.id, a.token_hash, a.family_id, app.client_id, a.user_id, u.username, u.is_staff, "
                                + "u.is_superuser, u.is_active, a.scope, a.expires, a.revoked, a.refresh_token_id "
                                + "FROM oauth_access_token a "
                                + "JOIN oauth_application app ON app.id = a.application_id "
                                + "LEFT JOIN auth_user u ON u.id = a.user_id "
                                + "WHERE a.token_hash = :hash")
                .bind("hash", tokenHash)
                .map(JdbiBearerTokenLookup::map)
                .findOne());
    }

    private static BearerToken map(ResultSet rs, StatementContext context) throws SQLException {
        Long userId = Sql.nullableLong(rs, "user_id");
        TokenPrincipal principal = new TokenPrincipal(rs.getLong("id"), rs.getString("token_hash"),
                rs.getString("family_id"), rs.getString("client_id"), userId, rs.getString("username"),
                rs.getBoolean("is_staff"), rs.getBoolean("is_superuser"), Sql.scope(rs, "scope"),
                Sql.instant(rs, "expires"));
        boolean userActive = userId == null || rs.getBoolean("is_active");
        return new BearerToken(principal, Sql.nullableLong(rs, "refresh_token_id"), Sql.instant(rs, "revoked"),
                userActive);
    }
}
