package io.tollgate.web.admin;

import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditParty;
import io.tollgate.audit.AuditQuery;
import io.tollgate.audit.AuditStore;
import io.tollgate.audit.AuditStore.StoredAuditEvent;
import io.tollgate.users.Page;
import io.tollgate.users.ValidationException;
import io.tollgate.web.ui.AdminView;
import io.tollgate.web.ui.BrowserPage;
import io.tollgate.web.ui.Pages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** /admin/audit/: the audit trail with the API's filters; each entry links to its user and application. */
@Path("/admin/audit/")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record AdminAuditResource(AdminGuard guard, AuditStore store) {
    public record EventItem(long id, String time, String type, boolean failure, String outcome, String actor,
                            String actorLink, String subject, String subjectLink, String clientId, String clientLink,
                            String clientAddress, String requestId, String details) {
        static EventItem of(StoredAuditEvent stored) {
            AuditEvent e = stored.event();
            String client = e.clientId();
            return new EventItem(stored.id(), AdminFormat.time(e.time()), e.type(),
                    e.outcome() == io.tollgate.audit.AuditOutcome.FAILURE, e.outcome().wireName(),
                    label(e.actor()), link(e.actor()), e.subject() == null ? "" : label(e.subject()),
                    e.subject() == null ? null : link(e.subject()), client == null ? "" : client,
                    client == null ? null : "/admin/applications/?client=" + enc(client),
                    e.clientAddress() == null ? "" : e.clientAddress(),
                    e.requestId() == null ? "" : e.requestId(),
                    e.details().entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
                            .collect(Collectors.joining(", ")));
        }

        private static String label(AuditParty party) {
            if (party.kind().equals("system")) {
                return "system";
            }
            return party.kind() + " " + (party.name().isEmpty() && party.id() != null ? "#" + party.id() : party.name());
        }

        private static String link(AuditParty party) {
            return switch (party.kind()) {
                case "user" -> party.id() == null ? null : "/admin/users/" + party.id() + "/";
                case "group" -> party.id() == null ? null : "/admin/groups/" + party.id() + "/";
                case "client" -> party.id() != null ? "/admin/applications/" + party.id() + "/"
                        : "/admin/applications/?client=" + enc(party.name());
                default -> null;
            };
        }
    }

    public record AuditModel(List<EventItem> events, Map<String, String> filters, PageLinks paging,
                             Map<String, List<String>> errors) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public boolean failureSelected() {
            return "failure".equals(filters.get("outcome"));
        }

        public boolean successSelected() {
            return "success".equals(filters.get("outcome"));
        }
    }

    @GET
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("user") String user, @QueryParam("client") String client,
                         @QueryParam("type") String type, @QueryParam("outcome") String outcome,
                         @QueryParam("page") String page, @Context UriInfo uri,
                         @Context ContainerRequestContext request) {
        return guard.get(request, staff -> {
            Map<String, String> echo = Map.of("from", text(from), "to", text(to), "user", text(user),
                    "client", text(client), "type", text(type), "outcome", text(outcome));
            try {
                AuditQuery query = AuditFilters.parse(from, to, user, client, type, outcome);
                int number = PageLinks.number(page);
                Page<StoredAuditEvent> found = store.find(query, PageLinks.offset(number), PageLinks.SIZE);
                return Pages.html(200, AdminPage.view("admin_audit.mustache", "Audit log", staff, "audit",
                        new AuditModel(found.items().stream().map(EventItem::of).toList(), echo,
                                PageLinks.of(uri, found.total(), number), Map.of())));
            } catch (ValidationException e) {
                return Pages.html(400, AdminPage.view("admin_audit.mustache", "Audit log", staff, "audit",
                        new AuditModel(List.of(), echo, PageLinks.of(uri, 0, 1), e.errors())));
            }
        });
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 150 ? clean.substring(0, 150) : clean;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
