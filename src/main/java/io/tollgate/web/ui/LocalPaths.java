package io.tollgate.web.ui;

import java.net.URI;
import java.net.URISyntaxException;

/** Validates ?next= so sign-in can never become an open redirector. */
public final class LocalPaths {
    public static final String HOME = "/o/applications/";

    private LocalPaths() {
    }

    /** {@code next} when it is a path on this server ("/…", not "//…" or "/\…"), else the home page. */
    public static String orHome(String next) {
        if (next == null || next.isEmpty() || next.length() > 4000 || next.charAt(0) != '/') {
            return HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil" or "/\t/evil" would leave the site.
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return HOME;
            }
        }
        if (next.startsWith("//")) {
            return HOME;
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return HOME;
            }
        } catch (URISyntaxException e) {
            return HOME;
        }
        return next;
    }
}
