package io.tollgate.oauth.resource;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.model.ScopeSet;

/**
 * The one builder of RFC 6750 §3 {@code WWW-Authenticate: Bearer} challenges. Parameters appear in the RFC's
 * order (realm, error, error_description, scope) and only when given.
 */
public record BearerChallenge(String realm, OAuthError error, String description, ScopeSet scope) {
    /** The realm of the users and groups API. */
    public static final String API_REALM = "api";
    /** The realm of the OAuth endpoints themselves (introspection by a resource server). */
    public static final String OAUTH_REALM = "oauth";

    /** No credentials were sent: a bare challenge (§3.1: no error code then). */
    public static BearerChallenge missing(String realm) {
        return new BearerChallenge(realm, null, null, null);
    }

    public static BearerChallenge error(String realm, OAuthError error, String description) {
        return new BearerChallenge(realm, error, description, null);
    }

    /** §3.1 insufficient_scope naming the scopes the request needed. */
    public static BearerChallenge insufficientScope(String realm, String description, ScopeSet needed) {
        return new BearerChallenge(realm, OAuthError.INSUFFICIENT_SCOPE, description, needed);
    }

    /** The header value. Descriptions are ours and ASCII; quotes and backslashes are escaped all the same. */
    public String headerValue() {
        StringBuilder value = new StringBuilder("Bearer");
        String separator = " ";
        if (realm != null) {
            value.append(separator).append("realm=\"").append(quote(realm)).append('"');
            separator = ", ";
        }
        if (error != null) {
            value.append(separator).append("error=\"").append(error.code()).append('"');
            separator = ", ";
        }
        if (description != null) {
            value.append(separator).append("error_description=\"").append(quote(description)).append('"');
            separator = ", ";
        }
        if (scope != null) {
            value.append(separator).append("scope=\"").append(quote(scope.asString())).append('"');
        }
        return value.toString();
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
