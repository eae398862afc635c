package io.tollgate.web.admin;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** "Page 2 of 7" with previous/next links that keep the page's filters. */
public record PageLinks(long total, int page, int pages, String previous, String next) {
    public static final int SIZE = 25;

    static PageLinks of(UriInfo uri, long total, int page) {
        int pages = (int) Math.max(1, (total + SIZE - 1) / SIZE);
        UriBuilder base = uri.getRequestUriBuilder();
        String previous = page > 1 ? base.clone().replaceQueryParam("page", page - 1).build().toString() : null;
        String next = page < pages ? base.clone().replaceQueryParam("page", page + 1).build().toString() : null;
        return new PageLinks(total, page, pages, relative(previous), relative(next));
    }

    /** A page number from the query: anything that is not a positive number is page 1. */
    static int number(String raw) {
        try {
            int page = Integer.parseInt(raw == null ? "1" : raw.strip());
            return Math.max(1, Math.min(page, 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static int offset(int page) {
        return (page - 1) * SIZE;
    }

    private static String relative(String absolute) {
        if (absolute == null) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
