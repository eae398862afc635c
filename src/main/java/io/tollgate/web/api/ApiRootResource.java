package io.tollgate.web.api;

import com.codahale.metrics.annotation.Timed;
import io.tollgate.web.security.ScopePolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET / lists the API's collections, as DRF's DefaultRouter root view does. Under the tutorial's
 * DEFAULT_PERMISSION_CLASSES = IsAuthenticated the root needs a user's token like every API view, so a bad
 * token here is a 401 as anywhere else in the API.
 */
@Path("/")
@RolesAllowed(ScopePolicy.USER)
@Produces(MediaType.APPLICATION_JSON)
public class ApiRootResource {
    @GET
    @Timed(name = "api-root")
    public Map<String, String> root(@Context UriInfo uriInfo) {
        return collections(new ApiLinks(uriInfo.getBaseUri()));
    }

    /** The root's body, also answered by {@link ApiReadLane}. */
    static Map<String, String> collections(ApiLinks links) {
        Map<String, String> collections = new LinkedHashMap<>();
        collections.put("users", links.users());
        collections.put("groups", links.groups());
        return collections;
    }

    @OPTIONS
    public Response describe() {
        return ApiMetadata.answer("Api Root", "The default basic root view for DefaultRouter", "GET, HEAD, OPTIONS",
                null, Map.of());
    }
}
