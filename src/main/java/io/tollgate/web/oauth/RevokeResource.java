package io.tollgate.web.oauth;

import com.codahale.metrics.annotation.Timed;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.revoke.TokenRevocation;
import io.tollgate.web.security.ClientAddresses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * POST /o/revoke_token/ (RFC 7009, DOT's path). Clients authenticate as at the token endpoint; every
 * outcome for a well-formed request by a known client is an empty 200, so probing reveals nothing.
 */
@Path("/o/revoke_token{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
public record RevokeResource(ClientAuthenticator clients, TokenRevocation revocation) implements FormEndpoint {
    @POST
    @Timed(name = "revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@Context UriInfo uriInfo,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @Context ContainerRequestContext request,
                           String body) {
        MultivaluedMap<String, String> form = OAuthRequests.form(uriInfo, body);
        TokenParameters params = new TokenParameters(form);
        Client client = clients.authenticate(authorization, form, ClientAddresses.of(request));
        revocation.revoke(client, params.required("token"), params.optional("token_type_hint").orElse(null));
        return OAuthRequests.noStore(Response.ok());
    }
}
