package io.tollgate.web.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's hyperlinks, absolute from the request's base URI as DRF builds them (http://localhost:8000/users/1/),
 * and the reverse: which group a link a client sent back points at.
 */
public final class ApiLinks {
    private static final Pattern ITEM = Pattern.compile("(users|groups)/([0-9]{1,18})/?");

    private final URI base;

    public ApiLinks(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    /** The users collection, as the API root lists it. */
    public String users() {
        return base + "users/";
    }

    public String groups() {
        return base + "groups/";
    }

    public String user(long id) {
        return base + "users/" + id + "/";
    }

    public String group(long id) {
        return base + "groups/" + id + "/";
    }

    /** What a client's group reference resolved to: an id, or DRF's reason it did not resolve. */
    public record Resolved(Long id, String error) {
        static Resolved ok(long id) {
            return new Resolved(id, null);
        }

        static Resolved fail(String error) {
            return new Resolved(null, error);
        }
    }

    static final String NO_MATCH = "Invalid hyperlink - No URL match.";
    static final String INCORRECT_MATCH = "Invalid hyperlink - Incorrect URL match.";

    /** A group URL of this server (absolute, or a path), or a bare id, which DRF's primary-key fields take. */
    public Resolved groupReference(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.matches("[0-9]{1,18}")) {
            return Resolved.ok(Long.parseLong(reference));
        }
        URI uri;
        try {
            uri = new URI(reference.strip());
        } catch (URISyntaxException e) {
            return Resolved.fail(NO_MATCH);
        }
        if (uri.getScheme() != null && !(sameOrigin(uri))) {
            return Resolved.fail(NO_MATCH);
        }
        String path = uri.getRawPath();
        String basePath = base.getRawPath();
        if (path == null || !path.startsWith(basePath) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Resolved.fail(NO_MATCH);
        }
        Matcher item = ITEM.matcher(path.substring(basePath.length()));
        if (!item.matches()) {
            return Resolved.fail(NO_MATCH);
        }
        return item.group(1).equals("groups") ? Resolved.ok(Long.parseLong(item.group(2))) : Resolved.fail(INCORRECT_MATCH);
    }

    public OptionalLong groupId(String reference) {
        Resolved resolved = groupReference(reference);
        return resolved.id() == null ? OptionalLong.empty() : OptionalLong.of(resolved.id());
    }

    private boolean sameOrigin(URI uri) {
        return uri.getScheme().equalsIgnoreCase(base.getScheme())
                && uri.getHost() != null && uri.getHost().equalsIgnoreCase(base.getHost())
                && effectivePort(uri) == effectivePort(base);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
