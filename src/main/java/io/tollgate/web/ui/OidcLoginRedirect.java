package io.tollgate.web.ui;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where sign-in sends the user back for an OpenID Connect request that demanded a fresh sign-in. */
final class OidcLoginRedirect {
    private OidcLoginRedirect() {
    }

    /**
     * The authorization request's local path and query without {@code prompt} and {@code max_age}: after a fresh
     * sign-in both are satisfied, and keeping them would ask again forever.
     */
    static String next(URI requestUri) {
        String query = requestUri.getRawQuery() == null ? "" : Arrays.stream(requestUri.getRawQuery().split("&"))
                .filter(pair -> {
                    String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    return !name.equals("prompt") && !name.equals("max_age");
                })
                .collect(Collectors.joining("&"));
        return requestUri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
    }
}
