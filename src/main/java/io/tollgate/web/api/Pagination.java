package io.tollgate.web.api;

import io.tollgate.users.Page;
import io.tollgate.web.errors.ErrorResponses;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/** DRF PageNumberPagination: {@code ?page=N}, 1-based, a fixed page size from config. */
public record Pagination(int pageSize) {
    public static final String PAGE = "page";

    public Pagination {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1");
        }
    }

    /** The rows a listing shows, from a zero-based offset. */
    @FunctionalInterface
    public interface Rows<D> {
        Page<D> fetch(int offset, int limit);
    }

    /** The requested page ({@code ?page=N}, null for the first) of a listing, each row shown as {@code item}. */
    public <D, T> PageRepresentation<T> list(String page, UriInfo uriInfo, Rows<D> rows, Function<D, T> item) {
        int offset = offset(page);
        return render(rows.fetch(offset, pageSize), offset, uriInfo, item);
    }

    /** The requested page as a zero-based row offset; a page that is not a positive integer is DRF's 404. */
    private int offset(String page) {
        if (page == null) {
            return 0;
        }
        long number;
        try {
            number = Long.parseLong(page.strip());
        } catch (NumberFormatException e) {
            throw invalidPage();
        }
        long offset = (number - 1) * pageSize;
        if (number < 1 || offset > Integer.MAX_VALUE) {
            throw invalidPage();
        }
        return (int) offset;
    }

    /** Renders a slice fetched at {@link #offset}; an empty page past the first is out of range (404). */
    private <D, T> PageRepresentation<T> render(Page<D> page, int offset, UriInfo uriInfo, Function<D, T> item) {
        if (offset > 0 && page.items().isEmpty()) {
            throw invalidPage();
        }
        int number = offset / pageSize + 1;
        String next = offset + page.items().size() < page.total()
                ? uriInfo.getRequestUriBuilder().replaceQueryParam(PAGE, number + 1).build().toString() : null;
        String previous = null;
        if (number > 1) {
            // Like DRF, the link to the first page carries no page parameter at all.
            previous = (number == 2 ? uriInfo.getRequestUriBuilder().replaceQueryParam(PAGE)
                    : uriInfo.getRequestUriBuilder().replaceQueryParam(PAGE, number - 1)).build().toString();
        }
        return new PageRepresentation<>(page.total(), next, previous, page.items().stream().map(item).toList());
    }

    private static NotFoundException invalidPage() {
        return new NotFoundException(ErrorResponses.detail(404, "Invalid page."));
    }
}
