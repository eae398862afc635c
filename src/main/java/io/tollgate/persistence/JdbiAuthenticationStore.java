package io.tollgate.persistence;

import io.tollgate.oauth.oidc.Authentication;
import io.tollgate.oauth.oidc.AuthenticationStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** OpenID Connect sign-in facts in oidc_authentication, one row per grant family. */
public record JdbiAuthenticationStore(Jdbi jdbi) implements AuthenticationStore {
    @Override
    public void save(Authentication authentication, Instant at) {
        jdbi.useTransaction(handle -> handle.createUpdate("INSERT INTO oidc_authentication (family_id, auth_time, "
                        + "session_id, nonce, stored) VALUES (:family, :authTime, :sid, :nonce, :stored)")
                .bind("family", authentication.familyId())
                .bind("authTime", Timestamp.from(authentication.authTime()))
                .bind("sid", authentication.sessionId())
                .bind("nonce", authentication.nonce())
                .bind("stored", Timestamp.from(at))
                .execute());
    }

    @Override
    public Optional<Authentication> find(String familyId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT family_id, auth_time, session_id, nonce "
                        + "FROM oidc_authentication WHERE family_id = :family")
                .bind("family", familyId)
                .map((rs, ctx) -> new Authentication(rs.getString("family_id"), Sql.instant(rs, "auth_time"),
                        rs.getString("session_id"), rs.getString("nonce")))
                .findOne());
    }

    @Override
    public int deleteStoredBefore(Instant cutoff) {
        return jdbi.inTransaction(handle -> handle.createUpdate("DELETE FROM oidc_authentication WHERE stored < :cutoff "
                        + "AND NOT EXISTS (SELECT 1 FROM oauth_refresh_token r WHERE r.family_id = oidc_authentication.family_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM oauth_access_token t WHERE t.family_id = oidc_authentication.family_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM oauth_authorization_code c "
                        + "WHERE c.family_id = oidc_authentication.family_id)")
                .bind("cutoff", Timestamp.from(cutoff)).execute());
    }
}
