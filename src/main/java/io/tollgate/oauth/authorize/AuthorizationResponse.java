package io.tollgate.oauth.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One authorization response (success or error) for a trusted redirect URI, before it is put on the wire: the
 * web layer redirects to {@link #location()} for {@code query} and {@code fragment}, and renders an
 * auto-submitting form of {@link #parameters()} for {@code form_post}.
 *
 * @param redirectUri the registered, exactly matched redirect URI
 * @param parameters  the response parameters in the order they are written (code or error, state, iss)
 */
public record AuthorizationResponse(String redirectUri, ResponseMode mode, Map<String, String> parameters) {
    public AuthorizationResponse {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(mode, "mode");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Whether the browser is redirected ({@code query}, {@code fragment}) rather than shown a posting form. */
    public boolean redirects() {
        return mode != ResponseMode.FORM_POST;
    }

    /**
     * The redirect target: parameters added to the URI's own query (RFC 6749 §3.1.2 keeps it), or after a
     * {@code #} for the fragment mode (a registered redirect URI never has a fragment of its own, §3.1.2).
     *
     * @throws IllegalStateException for form_post, which has no redirect
     */
    public String location() {
        return switch (mode) {
            case QUERY -> appendQuery(redirectUri, parameters);
            case FRAGMENT -> redirectUri + "#" + encode(parameters);
            case FORM_POST -> throw new IllegalStateException("A form_post response is a page, not a redirect");
        };
    }

    public static String appendQuery(String redirectUri, Map<String, String> params) {
        if (redirectUri.endsWith("?") || redirectUri.endsWith("&")) {
            return redirectUri + encode(params);
        }
        return redirectUri + (redirectUri.indexOf('?') >= 0 ? '&' : '?') + encode(params);
    }

    private static String encode(Map<String, String> params) {
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(encode(param.getKey())).append('=').append(encode(param.getValue()));
        }
        return encoded.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
