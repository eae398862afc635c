package io.tollgate.web.admin;

import io.tollgate.admin.AdminQueries;
import io.tollgate.admin.AdminQueries.TokenFilter;
import io.tollgate.admin.AdminQueries.TokenKind;
import io.tollgate.admin.AdminQueries.TokenRow;
import io.tollgate.admin.AdminQueries.TokenStatus;
import io.tollgate.admin.AdminTokens;
import io.tollgate.users.Page;
import io.tollgate.web.ui.AdminView;
import io.tollgate.web.ui.BrowserPage;
import io.tollgate.web.ui.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /admin/tokens/: tokens by user, application or family, with their status, and revocation. A token's value
 * is never shown (only its hash is stored); rows are told apart by kind and id.
 */
@Path("/admin/tokens/")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record AdminTokensResource(AdminGuard guard, AdminQueries queries, AdminTokens tokens, Clock clock) {
    public record TokenItem(String kind, long id, String clientId, Long userId, String username, String family,
                            String scope, String created, String expires, String status, boolean active) {
        static TokenItem of(TokenRow row) {
            return new TokenItem(row.kind().name().toLowerCase(Locale.ROOT), row.id(), row.clientId(), row.userId(),
                    row.username() == null ? "" : row.username(), row.familyId(), row.scope(),
                    AdminFormat.time(row.created()), row.expires() == null ? "never" : AdminFormat.time(row.expires()),
                    row.status().name().toLowerCase(Locale.ROOT), row.status() == TokenStatus.ACTIVE);
        }
    }

    public record TokensModel(List<TokenItem> tokens, String user, String client, String family, String status,
                              PageLinks paging, String notice) {
        public boolean isEmpty() {
            return tokens.isEmpty();
        }

        public boolean activeSelected() {
            return "active".equals(status);
        }

        public boolean expiredSelected() {
            return "expired".equals(status);
        }

        public boolean revokedSelected() {
            return "revoked".equals(status);
        }
    }

    @GET
    public Response search(@QueryParam("user") String user, @QueryParam("client") String client,
                           @QueryParam("family") String family, @QueryParam("status") String status,
                           @QueryParam("page") String page, @QueryParam("notice") String notice,
                           @Context UriInfo uri, @Context ContainerRequestContext request) {
        return guard.get(request, staff -> {
            TokenStatus parsed = status(status);
            TokenFilter filter = new TokenFilter(text(user, 150), text(client, 100), text(family, 64), parsed);
            int number = PageLinks.number(page);
            Page<TokenRow> found = queries.searchTokens(filter, clock.instant(), PageLinks.offset(number),
                    PageLinks.SIZE);
            return Pages.html(200, AdminPage.view("admin_tokens.mustache", "Tokens", staff, "tokens",
                    new TokensModel(found.items().stream().map(TokenItem::of).toList(), orEmpty(filter.user()),
                            orEmpty(filter.client()), orEmpty(filter.family()),
                            parsed == null ? "" : parsed.name().toLowerCase(Locale.ROOT),
                            PageLinks.of(uri, found.total(), number),
                            "revoked".equals(notice) ? "Token revoked." : null)));
        });
    }

    @POST
    @Path("revoke/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        return guard.post(request, form, staff -> {
            Optional<TokenKind> kind = switch (Pages.field(form, "kind")) {
                case "access" -> Optional.of(TokenKind.ACCESS);
                case "refresh" -> Optional.of(TokenKind.REFRESH);
                default -> Optional.empty();
            };
            long id;
            try {
                id = Long.parseLong(Pages.field(form, "id"));
            } catch (NumberFormatException e) {
                return Pages.notFound(staff.page());
            }
            if (kind.isEmpty() || tokens.revokeToken(staff.party(), kind.get(), id, "admin_console").isEmpty()) {
                return Pages.notFound(staff.page());
            }
            return Response.seeOther(URI.create("/admin/tokens/?notice=revoked")).build();
        });
    }

    private static TokenStatus status(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip()) {
            case "active" -> TokenStatus.ACTIVE;
            case "expired" -> TokenStatus.EXPIRED;
            case "revoked" -> TokenStatus.REVOKED;
            default -> null;
        };
    }

    private static String text(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String clean = raw.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
