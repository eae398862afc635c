package io.tollgate.web.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The 503 a request gets while the database is unavailable, in the shape its caller reads: RFC 6749 error JSON
 * on the OAuth endpoints, {"detail"} on the API, a short HTML page for the browser pages. Always with
 * Retry-After, so clients back off instead of hammering a recovering database.
 */
public final class UnavailableResponses {
    public static final String RETRY_AFTER_SECONDS = "5";
    static final String DETAIL = "The service is temporarily unavailable.";
    static final String OAUTH_DESCRIPTION = "The authorization server is temporarily unavailable; retry shortly.";
    static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Temporarily unavailable</title></head><body><h1>Temporarily unavailable</h1>"
            + "<p>The service cannot answer right now. Please try again in a few seconds.</p></body></html>";

    private UnavailableResponses() {
    }

    /** {@code path} as Jersey's UriInfo gives it (relative, no leading slash); null answers the API shape. */
    public static Response forPath(String path) {
        String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        Response.ResponseBuilder response = Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (isOAuthEndpoint(p)) {
            // RFC 6749 §4.1.2.1 names temporarily_unavailable; token clients parse error JSON, not DRF's detail.
            return response.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new OAuthErrorBody("temporarily_unavailable", OAUTH_DESCRIPTION)).build();
        }
        if (isPage(p)) {
            return response.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(PAGE).build();
        }
        return response.type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(DETAIL)).build();
    }

    private static boolean isOAuthEndpoint(String path) {
        return path.startsWith("o/token") || path.startsWith("o/revoke_token") || path.startsWith("o/introspect")
                || path.startsWith(".well-known/");
    }

    private static boolean isPage(String path) {
        return path.startsWith("o/") || path.startsWith("accounts/") || path.equals("accounts")
                || path.startsWith("static/");
    }
}
