package io.tollgate.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * This server's issuer identifier (RFC 8414 §2, RFC 9207): the configured public base URL, or, when none is
 * configured, the scheme and authority a request came in on. The one place that decides it, so the metadata
 * document and the authorization responses' {@code iss} always agree.
 */
public final class Issuer {
    private final String configured;

    /** @param configured oauth.issuer; null or blank means "from the request" */
    public Issuer(String configured) {
        this.configured = configured == null || configured.isBlank() ? null : stripSlash(configured.strip());
    }

    /** The issuer for a request whose base URI is {@code requestBase}; no trailing slash. */
    public String resolve(URI requestBase) {
        if (configured != null) {
            return configured;
        }
        Objects.requireNonNull(requestBase, "requestBase");
        return requestBase.getScheme() + "://" + requestBase.getRawAuthority();
    }

    /**
     * Where this server's endpoints live for {@code issuer}: its scheme and authority. An issuer may have a path
     * (Django OAuth Toolkit names {@code https://host/o}, so relying parties moved from it keep their
     * configuration), but the path only names the issuer: the endpoints stay at their own paths on that origin
     * ({@code https://host/o/authorize/}, never {@code https://host/o/o/authorize/}).
     */
    public static String endpointBase(String issuer) {
        URI uri = URI.create(Objects.requireNonNull(issuer, "issuer"));
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return stripSlash(issuer);
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The issuer's path without a trailing slash ("/o"), or "" when it has none. */
    public static String path(String issuer) {
        String path = URI.create(Objects.requireNonNull(issuer, "issuer")).getRawPath();
        return path == null ? "" : stripSlash(path);
    }

    /** True when the operator named the issuer, so it never depends on a request's Host header. */
    public boolean isConfigured() {
        return configured != null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
