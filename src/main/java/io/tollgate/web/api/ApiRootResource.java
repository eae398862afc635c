package io.tollgate.web.api;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET / lists the API's collections, as DRF's DefaultRouter root view does. Public, like DRF's. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ApiRootResource {
    @GET
    @Timed(name = "api-root")
    public Map<String, String> root(@Context UriInfo uriInfo) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("users", uriInfo.getBaseUriBuilder().path("users/").build().toString());
        links.put("groups", uriInfo.getBaseUriBuilder().path("groups/").build().toString());
        return links;
    }
}
