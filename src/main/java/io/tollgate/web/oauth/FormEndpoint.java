package io.tollgate.web.oauth;

import io.tollgate.oauth.OAuthException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the OAuth endpoints a client POSTs a form to (token, revocation, introspection, device authorization) read
 * first: the parameters from the body only ({@link OAuthRequests#form}), and anything but a form body refused in
 * OAuth's terms.
 */
public interface FormEndpoint {
    /**
     * Anything but a form body (JSON, nothing at all) is a malformed request, answered in OAuth's terms. A default
     * method, so the endpoints can be records: Jersey finds resource methods among the class's public methods.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    default Response notAForm() {
        throw OAuthException.invalidRequest("The request body must be application/x-www-form-urlencoded.");
    }
}
