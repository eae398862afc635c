package io.tollgate.persistence;

import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.ConsentStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Remembered consents in oauth_consent, one row per user and application. */
public class JdbiConsentStore implements ConsentStore {
    private final Jdbi jdbi;

    public JdbiConsentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ScopeSet> find(long userId, long clientDbId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT scope FROM oauth_consent WHERE user_id = :user AND application_id = :app")
                .bind("user", userId).bind("app", clientDbId)
                .map((rs, ctx) -> ScopeSet.parse(rs.getString("scope")))
                .findOne());
    }

    @Override
    public void save(long userId, long clientDbId, ScopeSet scope, Instant at) {
        // Update-then-insert in one transaction works alike on H2 and PostgreSQL; a lost insert race only means
        // the other request's (equal or wider) consent stands.
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE oauth_consent SET scope = :scope, updated = :at "
                            + "WHERE user_id = :user AND application_id = :app")
                    .bind("scope", scope.asString()).bind("at", Timestamp.from(at))
                    .bind("user", userId).bind("app", clientDbId).execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO oauth_consent (user_id, application_id, scope, updated) "
                                + "VALUES (:user, :app, :scope, :at)")
                        .bind("scope", scope.asString()).bind("at", Timestamp.from(at))
                        .bind("user", userId).bind("app", clientDbId).execute();
            }
        });
    }

    @Override
    public void delete(long userId, long clientDbId) {
        jdbi.useTransaction(handle -> handle.createUpdate(
                        "DELETE FROM oauth_consent WHERE user_id = :user AND application_id = :app")
                .bind("user", userId).bind("app", clientDbId).execute());
    }
}
