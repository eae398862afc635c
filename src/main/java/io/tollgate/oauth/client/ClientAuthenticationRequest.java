package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import java.util.List;
import java.util.Map;

/**
 * What a request offers to authenticate its client: the raw Authorization header and the form body.
 *
 * @param authorizationHeader nullable
 * @param body                the form parameters; null is an empty form
 */
public record ClientAuthenticationRequest(String authorizationHeader, Map<String, List<String>> body) {

    public ClientAuthenticationRequest {
        body = body == null ? Map.of() : body;
    }

    /** The single value of a body parameter, or null when absent or empty; a repeated one is invalid_request. */
    public String bodyParameter(String name) {
        List<String> values = body.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest("Duplicate parameter: " + name);
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The Authorization header's scheme, or null without one. */
    public String authorizationScheme() {
        if (authorizationHeader == null) {
            return null;
        }
        String trimmed = authorizationHeader.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    @Override
    public String toString() {
        // The header and the body carry secrets: only the parameter names may be printed.
        return "ClientAuthenticationRequest" + body.keySet();
    }
}
