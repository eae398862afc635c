package io.tollgate.web.oauth;

import io.tollgate.oauth.OAuthException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Rules every OAuth endpoint that takes a form applies. */
final class OAuthRequests {
    private OAuthRequests() {
    }

    /**
     * Credentials and grants belong in the body: a URL is logged and cached along the way (RFC 6749 §3.2 has
     * the token request in the body; RFC 9700 keeps secrets out of URLs).
     */
    static void refuseQueryParameters(UriInfo uriInfo) {
        if (!uriInfo.getQueryParameters().isEmpty()) {
            throw OAuthException.invalidRequest("Parameters must be sent in the request body, not in the URL.");
        }
    }

    /** Responses carrying tokens or token metadata must not be stored by any cache (RFC 6749 §5.1). */
    static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
