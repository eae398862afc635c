package io.tollgate.web.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tollgate.oauth.introspect.Introspection;

/** RFC 7662 §2.2 response; absent members are left out, so an inactive token is exactly {"active":false}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"active", "scope", "client_id", "username", "token_type", "exp", "iat", "sub"})
public record IntrospectionBody(
        @JsonProperty("active") boolean active,
        @JsonProperty("scope") String scope,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("username") String username,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("exp") Long exp,
        @JsonProperty("iat") Long iat,
        @JsonProperty("sub") String sub) {

    public static IntrospectionBody of(Introspection result) {
        return new IntrospectionBody(result.active(), result.scope(), result.clientId(), result.username(),
                result.tokenType(), result.exp(), result.iat(), result.sub());
    }
}
