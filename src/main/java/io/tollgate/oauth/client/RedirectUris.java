package io.tollgate.oauth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** What a registered redirect URI may be (RFC 6749 §3.1.2, RFC 8252 §7, RFC 9700 §2.1). */
public final class RedirectUris {
    private RedirectUris() {
    }

    /** Why the URI cannot be registered, or empty when it can. */
    public static Optional<String> problem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("Enter a valid URI.");
        }
        if (!uri.isAbsolute()) {
            return Optional.of("The redirect URI must be absolute.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("The redirect URI must not contain a fragment.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri.getHost() == null ? Optional.of("Enter a valid URI.") : Optional.empty();
        }
        if (scheme.equals("http")) {
            // Plain HTTP only to the device itself (native apps' loopback redirect, RFC 8252 §7.3).
            return isLoopback(uri.getHost()) ? Optional.empty()
                    : Optional.of("Plain http is allowed only for loopback addresses; use https.");
        }
        if (scheme.equals("javascript") || scheme.equals("data") || scheme.equals("file")) {
            return Optional.of("This URI scheme is not allowed.");
        }
        // Private-use schemes must be reverse domain names (RFC 8252 §7.1), e.g. com.example.app:/callback.
        return scheme.contains(".") ? Optional.empty()
                : Optional.of("Custom schemes must be a reverse domain name such as com.example.app.");
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost"));
    }
}
