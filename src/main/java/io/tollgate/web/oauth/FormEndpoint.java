package io.tollgate.web.oauth;

import io.tollgate.oauth.OAuthException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What the OAuth endpoints a client POSTs a form to (token, revocation, introspection, device authorization) read
 * first, in one place: the parameters from the body only, and anything but a form body refused in OAuth's terms.
 */
public abstract class FormEndpoint {
    /** The request's form, after refusing parameters in the URL (see {@link OAuthRequests}). */
    static MultivaluedMap<String, String> form(UriInfo uriInfo, String body) {
        OAuthRequests.refuseQueryParameters(uriInfo);
        return OAuthRequests.parseForm(body);
    }

    /** Anything but a form body (JSON, nothing at all) is a malformed request, answered in OAuth's terms. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notAForm() {
        throw OAuthException.invalidRequest("The request body must be application/x-www-form-urlencoded.");
    }
}
