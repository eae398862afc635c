package io.tollgate.web.oauth;

import com.codahale.metrics.annotation.Timed;
import io.tollgate.oauth.Issuer;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.device.DeviceAuthorizations;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.Client;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** POST /o/device-authorization/ (RFC 8628 §3.1): the client authenticates as at the token endpoint. */
@Path("/o/device-authorization{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
public record DeviceAuthorizationResource(ClientAuthenticator clients, DeviceAuthorizations authorizations,
                                          Issuer issuer) implements FormEndpoint {
    @POST
    @Timed(name = "device-authorization")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorize(@Context UriInfo uriInfo,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              String body) {
        MultivaluedMap<String, String> form = OAuthRequests.form(uriInfo, body);
        TokenParameters params = new TokenParameters(form);
        Client client = clients.authenticate(authorization, form);
        return OAuthRequests.noStore(Response.ok(DeviceAuthorizationBody.of(
                authorizations.authorize(client, params.optional("scope"), issuer.resolve(uriInfo.getBaseUri())))));
    }
}
