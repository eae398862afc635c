package io.tollgate.web.admin;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import io.tollgate.audit.AuditJson;
import io.tollgate.audit.AuditQuery;
import io.tollgate.audit.AuditStore;
import io.tollgate.users.PermissionDeniedException;
import io.tollgate.web.api.ApiMetadata;
import io.tollgate.web.api.PageRepresentation;
import io.tollgate.web.api.Pagination;
import io.tollgate.web.security.TokenPrincipal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * GET /admin/api/audit: the audit trail as JSON for SIEM pulls, newest first, paged as the users API is.
 * Needs a staff user's token carrying the opt-in {@code admin} scope (see config.yml).
 */
@Path("/admin/api/audit{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AuditApiResource.POLICY)
public record AuditApiResource(AuditStore store, AuditJson json, Pagination pagination) {
    public static final String ADMIN_SCOPE = "admin";
    static final String POLICY = "user+" + ADMIN_SCOPE;

    @GET
    @Timed(name = "audit-api")
    public PageRepresentation<ObjectNode> list(@Auth TokenPrincipal principal,
                                               @QueryParam("from") String from, @QueryParam("to") String to,
                                               @QueryParam("user") String user, @QueryParam("client") String client,
                                               @QueryParam("type") String type, @QueryParam("outcome") String outcome,
                                               @QueryParam(Pagination.PAGE) String page, @Context UriInfo uriInfo) {
        // The scope says the token may be used here; the user behind it must still be staff today.
        if (!principal.staff() && !principal.superuser()) {
            throw new PermissionDeniedException();
        }
        AuditQuery query = AuditFilters.parse(from, to, user, client, type, outcome);
        return pagination.list(page, uriInfo, (offset, limit) -> store.find(query, offset, limit),
                stored -> json.toJson(stored.event(), stored.id()));
    }

    /** The API's metadata answer, behind the same staff-and-admin-scope check as the list (OPTIONS never bypasses it). */
    @OPTIONS
    public Response describe() {
        return ApiMetadata.answer("Audit Event List", "Security events, newest first; filters: from, to, user, client, "
                + "type, outcome.", "GET, HEAD, OPTIONS", null, Map.of());
    }
}
