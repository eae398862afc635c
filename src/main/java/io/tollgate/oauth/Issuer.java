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

    /** True when the operator named the issuer, so it never depends on a request's Host header. */
    public boolean isConfigured() {
        return configured != null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
