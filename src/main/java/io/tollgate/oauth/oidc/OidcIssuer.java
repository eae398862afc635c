package io.tollgate.oauth.oidc;

import java.util.Objects;

/**
 * The issuer ID tokens and JWT access tokens name. Signed tokens are made far from any request, so they cannot
 * take the issuer from a Host header as the RFC 8414 document may: it is the configured oauth.issuer, or, when
 * none is configured (development), {@code http://localhost:<port>} of the running server, learnt once at start.
 */
public final class OidcIssuer {
    private final String configured;
    private volatile String started;

    private OidcIssuer(String configured) {
        this.configured = configured;
    }

    /** @param configured oauth.issuer; blank means "learn it at start" */
    public static OidcIssuer of(String configured) {
        return new OidcIssuer(configured == null || configured.isBlank() ? null : stripSlash(configured.strip()));
    }

    public boolean isConfigured() {
        return configured != null;
    }

    /** Called once the HTTP connector is bound; ignored when an issuer is configured. */
    public void serverStarted(int port) {
        if (configured == null) {
            started = "http://localhost:" + port;
        }
    }

    /** @throws IllegalStateException before the server started, when no issuer is configured */
    public String value() {
        if (configured != null) {
            return configured;
        }
        return Objects.requireNonNull(started, "The issuer is known once the server has started");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
