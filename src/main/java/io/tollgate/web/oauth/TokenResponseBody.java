package io.tollgate.web.oauth;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tollgate.oauth.model.TokenResponse;
import java.util.Map;

/**
 * RFC 6749 §5.1 success body, in the order the tutorial prints it, then any members contributed by other parts
 * (an {@code id_token}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"access_token", "token_type", "expires_in", "refresh_token", "scope"})
public record TokenResponseBody(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("scope") String scope,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> additionalMembers) {

    public static TokenResponseBody of(TokenResponse response) {
        return new TokenResponseBody(response.accessToken(), response.tokenType(), response.expiresIn(),
                response.refreshToken(), response.scope().asString(), response.additionalMembers());
    }

    @JsonAnyGetter
    public Map<String, Object> additional() {
        return additionalMembers;
    }

    @Override
    public String toString() {
        return "TokenResponseBody[<secret>]";
    }
}
