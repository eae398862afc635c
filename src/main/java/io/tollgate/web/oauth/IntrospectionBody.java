package io.tollgate.web.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tollgate.oauth.introspect.Introspection;

/** RFC 7662 §2.2 response; absent members are left out, so an inactive token is exactly {"active":false}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"active", "scope", "client_id", "username", "token_type", "exp", "iat", "sub"})
public record IntrospectionBody(boolean active, String scope, String clientId, String username, String tokenType,
                                Long exp, Long iat, String sub) {

    public static IntrospectionBody of(Introspection result) {
        return new IntrospectionBody(result.active(), result.scope(), result.clientId(), result.username(),
                result.tokenType(), result.exp(), result.iat(), result.sub());
    }
}
