package io.tollgate.web.ui;

import io.tollgate.oauth.model.Client;
import java.util.List;

public class ApplicationsView extends PageView {
    public record Row(long id, String name, String clientId, String clientType) {
    }

    private final List<Row> rows;

    public ApplicationsView(PageContext page, List<Client> clients) {
        super("applications.mustache", "Your applications", page);
        this.rows = clients.stream().map(c -> new Row(c.id(), c.name(), c.clientId(), c.type().wireName())).toList();
    }

    public List<Row> getApplications() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
