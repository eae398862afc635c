package io.tollgate.web.oauth;

import com.codahale.metrics.annotation.Timed;
import io.tollgate.oauth.endpoint.TokenEndpoint;
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

/** POST /o/token/ (RFC 6749 §3.2): authenticate the client, hand the grant to its handler, render. */
@Path("/o/token{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
public record TokenResource(TokenEndpoint endpoint) implements FormEndpoint {
    @POST
    @Timed(name = "token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@Context UriInfo uriInfo,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @Context ContainerRequestContext request,
                          String body) {
        MultivaluedMap<String, String> form = OAuthRequests.form(uriInfo, body);
        return OAuthRequests.noStore(Response.ok(TokenResponseBody.of(
                endpoint.respond(authorization, form, ClientAddresses.of(request)))));
    }
}
