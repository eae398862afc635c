package io.tollgate.web.oauth;

import io.tollgate.oauth.Issuer;
import io.tollgate.oauth.metadata.AuthorizationServerMetadata;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * GET /.well-known/oauth-authorization-server (RFC 8414 §3), and, when the issuer has a path such as
 * {@code https://host/o}, at the path-inserted form RFC 8414 §3.1 defines for it
 * ({@code /.well-known/oauth-authorization-server/o}).
 */
@Path("/.well-known/oauth-authorization-server{issuerPath: (/.+)?}")
@Produces(MediaType.APPLICATION_JSON)
public record MetadataResource(Issuer issuer, AuthorizationServerMetadata metadata) {
    /** @param issuerPath empty at the root, else the issuer's path ("/o"); any other path is not ours */
    @GET
    public Map<String, Object> metadata(@Context UriInfo uriInfo, @PathParam("issuerPath") String issuerPath) {
        String id = issuer.resolve(uriInfo.getBaseUri());
        if (issuerPath != null && !issuerPath.isEmpty() && !issuerPath.equals(Issuer.path(id))) {
            throw new NotFoundException();
        }
        return metadata.describe(id);
    }
}
