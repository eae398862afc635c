package io.tollgate.web;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Times every request on the application port under a fixed endpoint name (token, authorize, api, admin, …),
 * chosen from the path by prefix: the set is closed, so no caller can mint a new series by inventing a path.
 * A Dropwizard timer per endpoint; /prometheus shows its p50, p95 and p99.
 */
public class EndpointTimingFilter implements Filter {
    /** Longest prefixes first, so /o/token wins over /o/. */
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("/o/token", "token");
        PREFIXES.put("/o/authorize", "authorize");
        PREFIXES.put("/o/revoke_token", "revoke");
        PREFIXES.put("/o/introspect", "introspect");
        PREFIXES.put("/o/userinfo", "userinfo");
        PREFIXES.put("/o/device", "device");
        PREFIXES.put("/o/applications", "pages");
        PREFIXES.put("/o/authorized_tokens", "pages");
        PREFIXES.put("/.well-known/", "discovery");
        PREFIXES.put("/admin/api/", "audit_api");
        PREFIXES.put("/admin", "admin");
        PREFIXES.put("/accounts/", "signin");
        PREFIXES.put("/users", "api");
        PREFIXES.put("/groups", "api");
        PREFIXES.put("/static/", "static");
    }

    /** Every endpoint name there is, so the series exist (at zero) from the start. */
    public static final List<String> ENDPOINTS = List.of("token", "authorize", "revoke", "introspect", "userinfo",
            "device", "pages", "discovery", "audit_api", "admin", "signin", "api", "static", "other");

    private final Map<String, Timer> timers = new LinkedHashMap<>();

    /** @param timerName the Dropwizard name of an endpoint's timer */
    public EndpointTimingFilter(MetricRegistry metrics, Function<String, String> timerName) {
        for (String endpoint : ENDPOINTS) {
            timers.put(endpoint, metrics.timer(timerName.apply(endpoint)));
        }
    }

    static String endpoint(String path) {
        if (path == null || path.equals("/")) {
            return "api";
        }
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            if (path.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        // OpenID discovery may sit under the issuer's path (/tenant/.well-known/openid-configuration).
        return path.contains("/.well-known/") ? "discovery" : "other";
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request instanceof HttpServletRequest http ? http.getRequestURI() : null;
        try (Timer.Context ignored = timers.get(endpoint(path)).time()) {
            chain.doFilter(request, response);
        }
    }
}
