package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token request's form parameters; RFC 6749 §3.2 forbids any parameter appearing more than once.
 * {@code clientAddress} is where the request came from as the web layer resolved it (nullable), for throttling.
 */
public record TokenParameters(Map<String, List<String>> params, String clientAddress) {

    public TokenParameters(Map<String, List<String>> params) {
        this(params, null);
    }

    public TokenParameters {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (params != null) {
            for (Map.Entry<String, List<String>> entry : params.entrySet()) {
                List<String> values = entry.getValue() == null ? List.of() : List.copyOf(entry.getValue());
                if (values.size() > 1) {
                    throw OAuthException.invalidRequest("Duplicate parameter: " + entry.getKey());
                }
                copy.put(entry.getKey(), values);
            }
        }
        params = Map.copyOf(copy);
    }

    /** Convenience for tests and callers holding single values. */
    public static TokenParameters of(Map<String, String> single) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        single.forEach((name, value) -> multi.put(name, List.of(value)));
        return new TokenParameters(multi);
    }

    /** The value, or empty when absent or the empty string (RFC 6749 §3.1: empty values are omitted). */
    public Optional<String> optional(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> OAuthException.invalidRequest("Missing parameter: " + name));
    }

    @Override
    public String toString() {
        // Parameters carry passwords, secrets and tokens: only names may be printed.
        return "TokenParameters" + params.keySet();
    }
}
