package io.tollgate.web.oauth;

import io.tollgate.oauth.Issuer;
import io.tollgate.oauth.metadata.AuthorizationServerMetadata;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** GET /.well-known/oauth-authorization-server (RFC 8414 §3). */
@Path("/.well-known/oauth-authorization-server")
@Produces(MediaType.APPLICATION_JSON)
public class MetadataResource {
    private final Issuer issuer;
    private final AuthorizationServerMetadata metadata;

    public MetadataResource(Issuer issuer, AuthorizationServerMetadata metadata) {
        this.issuer = issuer;
        this.metadata = metadata;
    }

    @GET
    public Map<String, Object> metadata(@Context UriInfo uriInfo) {
        return metadata.describe(issuer.resolve(uriInfo.getBaseUri()));
    }
}
