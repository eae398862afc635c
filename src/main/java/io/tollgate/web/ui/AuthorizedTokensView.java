package io.tollgate.web.ui;

import io.tollgate.oauth.store.AuthorizedApplications;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

public class AuthorizedTokensView extends PageView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public record Row(long applicationId, String name, List<String> scopes, String since, String last) {
    }

    private final List<Row> rows;

    public AuthorizedTokensView(PageContext page, List<AuthorizedApplications.Entry> entries) {
        super("authorized_tokens.mustache", "Authorized applications", page);
        this.rows = entries.stream().map(e -> new Row(e.applicationId(), e.name(), e.scope().scopes(),
                DATE.format(e.firstAuthorized()), DATE.format(e.lastUsed()))).toList();
    }

    public List<Row> getEntries() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
