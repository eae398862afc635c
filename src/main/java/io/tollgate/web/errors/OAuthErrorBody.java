package io.tollgate.web.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 §5.2 error response body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthErrorBody(@JsonProperty("error") String error,
                             @JsonProperty("error_description") String errorDescription) {
}
