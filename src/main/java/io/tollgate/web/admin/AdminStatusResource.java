package io.tollgate.web.admin;

import io.tollgate.web.ui.BrowserPage;
import io.tollgate.web.ui.Pages;
import io.tollgate.web.ui.PageFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /admin/status/}: live charts of the server's own metrics (tokens issued and errors per minute, p99
 * latency, active sessions, cache hit rate), drawn in the browser by uPlot from {@code /admin/status/figures},
 * which the page polls. The page's only scripts are files from the jar: CSP allows script from 'self' here and
 * nowhere else, and still no inline script.
 */
@Path("/admin/status/")
@BrowserPage
public class AdminStatusResource {
    private final AdminGuard guard;
    private final Supplier<Map<String, Object>> figures;

    public AdminStatusResource(AdminGuard guard, Supplier<Map<String, Object>> figures) {
        this.guard = guard;
        this.figures = figures;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request) {
        return guard.get(request, staff -> {
            request.setProperty(PageFilter.SCRIPTS_FROM_SELF, Boolean.TRUE);
            return Pages.html(200, AdminPage.view("admin_status.mustache", "Status", staff, "status", null));
        });
    }

    @GET
    @Path("figures")
    public Response figures(@Context ContainerRequestContext request) {
        return guard.get(request, staff -> Response.ok(figures.get(), MediaType.APPLICATION_JSON_TYPE).build());
    }
}
