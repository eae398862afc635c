package io.tollgate.web.ui;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Where sign-in sends the user back for an OpenID Connect request that demanded a fresh sign-in. */
final class OidcLoginRedirect {
    private OidcLoginRedirect() {
    }

    /**
     * The authorization request's local path and query without {@code max_age} and without the prompt values
     * {@code login} and {@code select_account}: a fresh sign-in satisfies them, and keeping them would ask again
     * forever. Other prompt values ({@code consent}) stay.
     */
    static String next(URI requestUri) {
        String query = requestUri.getRawQuery() == null ? "" : Arrays.stream(requestUri.getRawQuery().split("&"))
                .map(OidcLoginRedirect::withoutSignInDemands)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("&"));
        return requestUri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
    }

    private static String withoutSignInDemands(String pair) {
        String[] nameValue = pair.split("=", 2);
        String name = nameValue[0].toLowerCase(Locale.ROOT);
        if (name.equals("max_age")) {
            return null;
        }
        if (!name.equals("prompt") || nameValue.length < 2) {
            return pair;
        }
        String kept = Arrays.stream(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8).split(" "))
                .filter(value -> !value.equals("login") && !value.equals("select_account"))
                .collect(Collectors.joining(" "));
        return kept.isEmpty() ? null : nameValue[0] + "=" + URLEncoder.encode(kept, StandardCharsets.UTF_8);
    }
}
