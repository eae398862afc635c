package io.tollgate.oauth.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the redirect URIs of RFC 6749 §4.1.2 and §4.1.2.1. Every response carries {@code iss} (RFC 9207) so a
 * client talking to several servers can tell which one answered (mix-up defence).
 */
public final class AuthorizationResponses {
    private final String issuer;

    public AuthorizationResponses(String issuer) {
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public String success(String redirectUri, String code, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        putIfPresent(params, "state", state);
        params.put("iss", issuer);
        return append(redirectUri, params);
    }

    public String error(AuthorizationValidation.RedirectError error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error());
        putIfPresent(params, "error_description", error.description());
        putIfPresent(params, "state", error.state());
        params.put("iss", issuer);
        return append(error.redirectUri(), params);
    }

    /** Adds to the registered URI's own query, which §3.1.2 says must be kept. */
    public static String append(String redirectUri, Map<String, String> params) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.indexOf('?') >= 0 ? '&' : '?';
        if (redirectUri.endsWith("?") || redirectUri.endsWith("&")) {
            separator = 0;
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (separator != 0) {
                uri.append(separator);
            }
            uri.append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return uri.toString();
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
