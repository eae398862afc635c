package io.tollgate.web.oauth;

import com.codahale.metrics.annotation.Timed;
import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.resource.AccessTokenValidator;
import io.tollgate.oauth.resource.BearerChallenge;
import io.tollgate.oauth.resource.TokenValidation;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.introspect.IntrospectionCaller;
import io.tollgate.oauth.introspect.TokenIntrospection;
import io.tollgate.oauth.model.Client;
import io.tollgate.web.errors.OAuthErrorBody;
import io.tollgate.web.security.ClientAddresses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;

/**
 * POST /o/introspect/ (RFC 7662). The caller is either a confidential client (Basic or body secret), which
 * sees only its own tokens, or a resource server holding a bearer token with the introspection scope, which
 * sees all. A public client cannot introspect: anyone can claim its client_id.
 */
@Path("/o/introspect{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
public record IntrospectResource(ClientAuthenticator clients, AccessTokenValidator bearerTokens,
                                 TokenIntrospection introspection) implements FormEndpoint {
    public static final String INTROSPECTION_SCOPE = "introspection";
    private static final String BEARER = "bearer ";

    @POST
    @Timed(name = "introspect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response introspect(@Context UriInfo uriInfo,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context ContainerRequestContext request,
                               String body) {
        MultivaluedMap<String, String> form = OAuthRequests.form(uriInfo, body);
        TokenParameters params = new TokenParameters(form);
        IntrospectionCaller caller = caller(authorization, form, ClientAddresses.of(request));
        return OAuthRequests.noStore(Response.ok(IntrospectionBody.of(introspection.introspect(caller,
                params.required("token"), params.optional("token_type_hint").orElse(null)))));
    }

    private IntrospectionCaller caller(String authorization, MultivaluedMap<String, String> form, String address) {
        if (authorization != null && authorization.strip().toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            String token = authorization.strip().substring(BEARER.length()).strip();
            Optional<AccessTokenClaims> claims = bearerTokens.claims(token);
            if (claims.isEmpty()) {
                throw bearerError(401, BearerChallenge.error(BearerChallenge.OAUTH_REALM, OAuthError.INVALID_TOKEN,
                        TokenValidation.Failure.INVALID.description()));
            }
            if (!claims.get().scope().contains(INTROSPECTION_SCOPE)) {
                // RFC 6750 §3.1: a good token without the scope is an authorization failure, not a bad credential.
                throw bearerError(403, BearerChallenge.insufficientScope(BearerChallenge.OAUTH_REALM,
                        "The token lacks the introspection scope.", ScopeSet.of(INTROSPECTION_SCOPE)));
            }
            return IntrospectionCaller.resourceServer();
        }
        Client client = clients.authenticate(authorization, form, address);
        if (!client.isConfidential()) {
            throw OAuthException.invalidClient("Client authentication failed.", false);
        }
        return IntrospectionCaller.client(client);
    }

    private static WebApplicationException bearerError(int status, BearerChallenge challenge) {
        return new WebApplicationException(OAuthRequests.noStore(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge.headerValue())
                .entity(new OAuthErrorBody(challenge.error().code(), challenge.description()))));
    }
}
