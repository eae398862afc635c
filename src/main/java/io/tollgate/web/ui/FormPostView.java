package io.tollgate.web.ui;

import io.tollgate.oauth.authorize.AuthorizationResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OAuth 2.0 Form Post Response Mode §2: a page whose form carries the response parameters as hidden fields to the
 * client's redirect URI with POST. {@code /static/form_post.js} submits it on load; without scripts the user
 * presses Continue. No inline script, so the page keeps a CSP without 'unsafe-inline'.
 */
public class FormPostView extends PageView {
    /** Path characters that are safe inside a CSP source expression (no ';', ',', quotes or whitespace). */
    private static final Pattern CSP_SAFE_PATH = Pattern.compile("[A-Za-z0-9._~/%!$&()*+=:@-]*");

    public record Field(String name, String value) {
    }

    private final AuthorizationResponse response;

    public FormPostView(PageContext page, AuthorizationResponse response) {
        super("form_post.mustache", "Returning to the application", page);
        this.response = response;
    }

    public String getAction() {
        return response.redirectUri();
    }

    /** Where the form goes, for people who see the page without scripts. */
    public String getDestination() {
        URI uri = URI.create(response.redirectUri());
        return uri.getRawAuthority() == null ? uri.getScheme() + ":" : uri.getRawAuthority();
    }

    public List<Field> getFields() {
        return response.parameters().entrySet().stream().map(e -> new Field(e.getKey(), e.getValue())).toList();
    }

    /**
     * The CSP form-action source for exactly this redirect URI: origin and path (CSP matches a path without a
     * trailing slash exactly; the query is never part of a source), or the origin alone when the path holds a
     * character a source expression cannot carry.
     */
    static String formActionSource(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawAuthority() == null) {
            return scheme + ":";
        }
        String origin = scheme + "://" + uri.getRawAuthority();
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || !CSP_SAFE_PATH.matcher(path).matches()) {
            return origin;
        }
        return origin + path;
    }
}
