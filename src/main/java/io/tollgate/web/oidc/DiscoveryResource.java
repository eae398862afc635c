package io.tollgate.web.oidc;

import io.tollgate.oauth.oidc.OidcIssuer;
import io.tollgate.oauth.oidc.OpenIdProviderMetadata;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Map;

/**
 * {@code GET /.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §4), and, when the issuer has a
 * path such as {@code https://host/o}, at that path too ({@code /o/.well-known/openid-configuration}), where
 * relying parties look for it.
 */
@Path("/{issuerPath: (.+/)?}.well-known/openid-configuration")
@Produces(MediaType.APPLICATION_JSON)
public record DiscoveryResource(OidcIssuer issuer, OpenIdProviderMetadata metadata) {
    /** @param issuerPath empty at the root, else the issuer's path with a trailing slash ("o/") */
    @GET
    public Map<String, Object> discovery(@PathParam("issuerPath") String issuerPath) {
        if (!issuerPath.isEmpty()) {
            String path = URI.create(issuer.value()).getPath();
            if (path == null || !(path + "/").equals("/" + issuerPath)) {
                throw new NotFoundException();
            }
        }
        return metadata.describe(issuer.value());
    }
}
