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

    /** The redirect URI of a query-mode success (kept for callers that only ever use the default mode). */
    public String success(String redirectUri, String code, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        putIfPresent(params, "state", state);
        params.put("iss", issuer);
        return new AuthorizationResponse(redirectUri, ResponseMode.QUERY, params).location();
    }

    /** Adds to the registered URI's own query, which §3.1.2 says must be kept. */
    static String append(String redirectUri, Map<String, String> params) {
        return AuthorizationResponse.appendQuery(redirectUri, params);
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
