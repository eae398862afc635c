package io.tollgate.oauth.introspect;

/**
 * An RFC 7662 §2.2 answer. For an inactive token every member but {@code active} is null, so nothing about it
 * leaks (§2.2: "SHOULD NOT include any additional information about an inactive token").
 *
 * @param tokenType "Bearer" for access tokens, "refresh_token" for refresh tokens
 * @param exp       seconds since the epoch; null for a refresh token that never expires
 * @param sub       the user's id, or the client_id for a token without a user (client_credentials)
 */
public record Introspection(boolean active, String scope, String clientId, String username, String tokenType,
                            Long exp, Long iat, String sub) {

    private static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null, null, null);

    public static Introspection inactive() {
        return INACTIVE;
    }
}
