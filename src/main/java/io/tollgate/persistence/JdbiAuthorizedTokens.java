package io.tollgate.persistence;

import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.AuthorizedApplications;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Reads and revokes a user's tokens per application, beside JdbiTokenStore, for the authorized-tokens page. */
public class JdbiAuthorizedTokens implements AuthorizedApplications {
    private record Row(long applicationId, String name, String scope, Instant created) {
    }

    private final Jdbi jdbi;

    public JdbiAuthorizedTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Entry> list(long userId, Instant now) {
        List<Row> rows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT a.id, a.name, t.scope, t.created FROM oauth_access_token t "
                                + "JOIN oauth_application a ON a.id = t.application_id "
                                + "WHERE t.user_id = :user AND t.revoked IS NULL AND t.expires > :now "
                                + "UNION ALL "
                                + "SELECT a.id, a.name, r.scope, r.created FROM oauth_refresh_token r "
                                + "JOIN oauth_application a ON a.id = r.application_id "
                                + "WHERE r.user_id = :user AND r.revoked IS NULL "
                                + "AND (r.expires IS NULL OR r.expires > :now)")
                .bind("user", userId).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list());
        Map<Long, Entry> byApp = new LinkedHashMap<>();
        for (Row row : rows) {
            byApp.merge(row.applicationId(),
                    new Entry(row.applicationId(), row.name(), ScopeSet.parse(row.scope()), row.created(), row.created()),
                    JdbiAuthorizedTokens::combine);
        }
        List<Entry> entries = new ArrayList<>(byApp.values());
        entries.sort(Comparator.comparing(Entry::name).thenComparing(Entry::applicationId));
        return entries;
    }

    private static Entry combine(Entry a, Entry b) {
        List<String> scopes = new ArrayList<>(a.scope().scopes());
        scopes.addAll(b.scope().scopes());
        return new Entry(a.applicationId(), a.name(), new ScopeSet(scopes),
                a.firstAuthorized().isBefore(b.firstAuthorized()) ? a.firstAuthorized() : b.firstAuthorized(),
                a.lastUsed().isAfter(b.lastUsed()) ? a.lastUsed() : b.lastUsed());
    }

    @Override
    public int revoke(long userId, long applicationId, Instant at) {
        return jdbi.inTransaction(handle -> {
            Timestamp when = Timestamp.from(at);
            int access = handle.createUpdate("UPDATE oauth_access_token SET revoked = :at "
                            + "WHERE user_id = :user AND application_id = :app AND revoked IS NULL")
                    .bind("at", when).bind("user", userId).bind("app", applicationId).execute();
            int refresh = handle.createUpdate("UPDATE oauth_refresh_token SET revoked = :at "
                            + "WHERE user_id = :user AND application_id = :app AND revoked IS NULL")
                    .bind("at", when).bind("user", userId).bind("app", applicationId).execute();
            handle.createUpdate("DELETE FROM oauth_consent WHERE user_id = :user AND application_id = :app")
                    .bind("user", userId).bind("app", applicationId).execute();
            return access + refresh;
        });
    }
}
