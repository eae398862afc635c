package io.tollgate.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** DRF PageNumberPagination's envelope; next and previous are absolute URLs or null. */
@JsonPropertyOrder({"count", "next", "previous", "results"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageRepresentation<T>(long count, String next, String previous, List<T> results) {

    public PageRepresentation {
        results = List.copyOf(results);
    }
}
