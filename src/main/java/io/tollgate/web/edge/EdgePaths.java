package io.tollgate.web.edge;

import java.util.regex.Pattern;

/** Which kind of endpoint a raw request path names, for answers given before Jersey has matched a resource. */
final class EdgePaths {
    private static final Pattern OAUTH_ENDPOINT = Pattern.compile("/o/(token|revoke_token|introspect|device-authorization)/?");
    private static final Pattern OAUTH_DOCUMENT = Pattern.compile("/\\.well-known/oauth-authorization-server/?");

    private EdgePaths() {
    }

    /** The token, revocation, introspection and device-authorization endpoints: their errors are RFC 6749 JSON. */
    static boolean isOAuthEndpoint(String rawPath) {
        return rawPath != null && OAUTH_ENDPOINT.matcher(rawPath).matches();
    }

    /** Every OAuth path (endpoints and the metadata document): OPTIONS answers them with Allow and 204. */
    static boolean isOAuth(String rawPath) {
        return isOAuthEndpoint(rawPath) || (rawPath != null && OAUTH_DOCUMENT.matcher(rawPath).matches());
    }
}
