package io.tollgate.oauth.authorize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the responses of RFC 6749 §4.1.2 and §4.1.2.1 in the request's response mode. Every response carries
 * {@code iss} (RFC 9207) so a client talking to several servers can tell which one answered (mix-up defence).
 */
public final class AuthorizationResponses {
    private final String issuer;

    public AuthorizationResponses(String issuer) {
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public AuthorizationResponse success(AuthorizationRequest request, String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        putIfPresent(params, "state", request.state());
        params.put("iss", issuer);
        return new AuthorizationResponse(request.redirectUri(), request.responseMode(), params);
    }

    public AuthorizationResponse error(AuthorizationValidation.RedirectError error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error());
        putIfPresent(params, "error_description", error.description());
        putIfPresent(params, "state", error.state());
        params.put("iss", issuer);
        return new AuthorizationResponse(error.redirectUri(), error.responseMode(), params);
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
