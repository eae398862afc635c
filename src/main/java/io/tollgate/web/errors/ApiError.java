package io.tollgate.web.errors;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The error body of the API: Django REST Framework's {@code {"detail": "..."}}. */
public record ApiError(@JsonProperty("detail") String detail) {
}
