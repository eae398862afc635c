package io.tollgate.web.oauth;

import io.tollgate.oauth.OAuthException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Rules every OAuth endpoint that takes a form applies. */
final class OAuthRequests {
    private OAuthRequests() {
    }

    /** The request's form, after refusing parameters in the URL. */
    static MultivaluedMap<String, String> form(UriInfo uriInfo, String body) {
        refuseQueryParameters(uriInfo);
        return parseForm(body);
    }

    /**
     * Credentials and grants belong in the body: a URL is logged and cached along the way (RFC 6749 §3.2 has
     * the token request in the body; RFC 9700 keeps secrets out of URLs).
     */
    private static void refuseQueryParameters(UriInfo uriInfo) {
        if (!uriInfo.getQueryParameters().isEmpty()) {
            throw OAuthException.invalidRequest("Parameters must be sent in the request body, not in the URL.");
        }
    }

    /**
     * Parses an application/x-www-form-urlencoded body. The OAuth endpoints read the raw body and parse it here,
     * so a malformed escape such as {@code %ZZ} is an RFC 6749 invalid_request rather than a generic 400.
     */
    static MultivaluedMap<String, String> parseForm(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                form.add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException malformed) {
            throw OAuthException.invalidRequest("The request body is not valid form encoding.");
        }
        return form;
    }

    /** Responses carrying tokens or token metadata must not be stored by any cache (RFC 6749 §5.1). */
    static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
