package io.tollgate.web.oauth;

import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.metadata.AuthorizationServerMetadata;
import io.tollgate.oauth.model.ScopeSet;
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
    private final String configuredIssuer;
    private final ScopeSet scopes;
    private final GrantHandlers grants;
    private final boolean allowPlainPkce;

    /**
     * @param configuredIssuer oauth.issuer; empty means the base URL the request came in on
     * @param allowPlainPkce   authorize.allowPlainPkce, so the document advertises "plain" exactly when allowed
     */
    public MetadataResource(String configuredIssuer, ScopeSet scopes, GrantHandlers grants, boolean allowPlainPkce) {
        this.configuredIssuer = configuredIssuer == null ? "" : configuredIssuer;
        this.scopes = scopes;
        this.grants = grants;
        this.allowPlainPkce = allowPlainPkce;
    }

    @GET
    public Map<String, Object> metadata(@Context UriInfo uriInfo) {
        String issuer = configuredIssuer.isEmpty() ? uriInfo.getBaseUri().toString() : configuredIssuer;
        return AuthorizationServerMetadata.describe(issuer, scopes, grants.grantTypes(), allowPlainPkce);
    }
}
