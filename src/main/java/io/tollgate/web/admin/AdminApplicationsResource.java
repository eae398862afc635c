package io.tollgate.web.admin;

import io.tollgate.admin.AdminQueries;
import io.tollgate.admin.AdminQueries.ApplicationRow;
import io.tollgate.admin.AdminTokens;
import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.oauth.client.ClientRegistrations;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.web.ui.AdminView;
import io.tollgate.web.ui.BrowserPage;
import io.tollgate.web.ui.ItemRequest;
import io.tollgate.web.ui.MessageView;
import io.tollgate.web.ui.Pages;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * /admin/applications/: every application with owner, grants, scopes and live token counts; disable/enable,
 * regenerate the secret (shown once), revoke its tokens, delete with confirmation.
 */
@Path("/admin/applications/")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record AdminApplicationsResource(AdminGuard guard, AdminQueries queries, AdminTokens tokens, ClientStore clients,
                                        ClientRegistrations registrations, AuditLog audit, Clock clock) {
    private static final String ITEM = "{id: [0-9]{1,18}}/";
    private static final String SOURCE = "admin_console";

    public record ApplicationItem(long id, String clientId, String name, Long ownerId, String owner, String clientType,
                                  String grantTypes, String scopes, String created, boolean disabled,
                                  String disabledSince, long accessTokens, long refreshTokens, String lastUsed) {
        static ApplicationItem of(ApplicationRow row) {
            return new ApplicationItem(row.id(), row.clientId(), row.name(), row.ownerId(),
                    row.ownerUsername() == null ? "" : row.ownerUsername(), row.clientType(), row.grantTypes(),
                    row.allowedScopes() == null || row.allowedScopes().isBlank() ? "any" : row.allowedScopes(),
                    AdminFormat.time(row.created()), row.disabled() != null, AdminFormat.time(row.disabled()),
                    row.activeAccessTokens(), row.activeRefreshTokens(),
                    row.lastUsed() == null ? "" : AdminFormat.time(row.lastUsed()));
        }
    }

    public record ApplicationsModel(List<ApplicationItem> applications, String client) {
        public boolean isEmpty() {
            return applications.isEmpty();
        }
    }

    public record ApplicationDetail(ApplicationItem app, boolean confidential, String secret, String notice) {
    }

    @GET
    public Response list(@QueryParam("client") String client, @Context ContainerRequestContext request) {
        return guard.get(request, staff -> {
            String filter = client == null || client.isBlank() ? null : client.strip();
            List<ApplicationItem> items = queries.applications(clock.instant()).stream()
                    .filter(row -> filter == null || row.clientId().equals(filter))
                    .map(ApplicationItem::of).toList();
            return Pages.html(200, AdminPage.view("admin_applications.mustache", "Applications", staff,
                    "applications", new ApplicationsModel(items, filter == null ? "" : filter)));
        });
    }

    @GET
    @Path(ITEM)
    public Response detail(@PathParam("id") long id, @QueryParam("notice") String notice,
                           @Context ContainerRequestContext request) {
        return guard.get(request, staff -> withApp(staff, id, (client, row) ->
                Pages.html(200, detailView(staff, client, row, null, notice(notice)))));
    }

    /** The switches on an application's page: each acts, then shows the page again with a notice. */
    private enum Switch {
        DISABLE("disabled"), ENABLE("enabled"), REVOKE_TOKENS("revoked");

        private final String notice;

        Switch(String notice) {
            this.notice = notice;
        }

        static Switch of(String path) {
            return valueOf(path.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @POST
    @Path(ITEM + "{action: disable|enable|revoke-tokens}/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flip(@BeanParam ItemRequest item, @PathParam("action") String action,
                         MultivaluedMap<String, String> form) {
        Switch chosen = Switch.of(action);
        return postOnApp(item, form, (staff, client, row) -> {
            long id = client.id();
            switch (chosen) {
                case DISABLE -> tokens.disableApplication(staff.party(), id, client.clientId(), SOURCE);
                case ENABLE -> tokens.enableApplication(staff.party(), id, client.clientId(), SOURCE);
                case REVOKE_TOKENS -> tokens.revokeApplicationTokens(staff.party(), id, client.clientId(), SOURCE);
            }
            return Response.seeOther(URI.create("/admin/applications/" + id + "/?notice=" + chosen.notice)).build();
        });
    }

    @POST
    @Path(ITEM + "secret/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response regenerateSecret(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return postOnApp(item, form, (staff, client, row) -> {
            if (!client.isConfidential()) {
                return Pages.html(400, new MessageView(staff.page(), "No secret", "Public applications have no secret."));
            }
            RegisteredClient fresh = registrations.regenerateSecret(client);
            audit.record(applicationEvent("admin.application.secret_regenerated", staff, client).at(clock.instant()));
            // Rendered, not redirected: the plaintext secret exists only in this no-store response.
            return Pages.html(200, detailView(staff, fresh.client(), row, fresh.plainSecret(),
                    "New secret generated. The old one no longer works."));
        });
    }

    @GET
    @Path(ITEM + "delete/")
    public Response deleteForm(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return guard.get(request, staff -> withApp(staff, id, (client, row) -> Pages.html(200,
                AdminPage.view("admin_application_delete.mustache", "Delete " + client.name(), staff, "applications",
                        new ApplicationDetail(ApplicationItem.of(row), client.isConfidential(), null, null)))));
    }

    @POST
    @Path(ITEM + "delete/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return postOnApp(item, form, (staff, client, row) -> {
            registrations.delete(client);
            audit.record(applicationEvent("admin.application.deleted", staff, client).detail("name", client.name())
                    .detail("owner", row.ownerUsername()).at(clock.instant()));
            return Response.seeOther(URI.create("/admin/applications/")).build();
        });
    }

    private AdminView detailView(AdminGuard.Staff staff, Client client, ApplicationRow row, String secret,
                                 String notice) {
        return AdminPage.view("admin_application.mustache", client.name().isEmpty() ? client.clientId() : client.name(),
                staff, "applications",
                new ApplicationDetail(ApplicationItem.of(row), client.isConfidential(), secret, notice));
    }

    private interface AppAction {
        Response apply(AdminGuard.Staff staff, Client client, ApplicationRow row);
    }

    /** A POST on one application's page: signed-in staff, a good CSRF token, and the application found (else 404). */
    private Response postOnApp(ItemRequest item, MultivaluedMap<String, String> form, AppAction action) {
        return guard.post(item.context(), form,
                staff -> withApp(staff, item.number(), (client, row) -> action.apply(staff, client, row)));
    }

    /** A successful change to an application made on these pages, by {@code staff}. */
    private static AuditEvent.Builder applicationEvent(String name, AdminGuard.Staff staff, Client client) {
        return AuditEvent.of(name, AuditOutcome.SUCCESS).actor(staff.party()).client(client.clientId())
                .subject(AuditParty.application(client.id(), client.clientId())).detail("source", SOURCE);
    }

    private Response withApp(AdminGuard.Staff staff, long id, BiFunction<Client, ApplicationRow, Response> action) {
        Optional<Client> client = clients.findById(id);
        Optional<ApplicationRow> row = queries.applications(clock.instant()).stream()
                .filter(r -> r.id() == id).findFirst();
        if (client.isEmpty() || row.isEmpty()) {
            return Pages.notFound(staff.page());
        }
        return action.apply(client.get(), row.get());
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "disabled" -> "Application disabled: it can no longer sign in, and its tokens were revoked.";
            case "enabled" -> "Application enabled.";
            case "revoked" -> "Every token of this application was revoked.";
            default -> null;
        };
    }
}
