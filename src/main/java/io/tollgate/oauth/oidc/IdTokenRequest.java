package io.tollgate.oauth.oidc;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.Objects;

/**
 * What an ID token is about. {@code authTime}, {@code nonce}, {@code sessionId} and {@code accessToken} (for
 * {@code at_hash}) are null when unknown: a refresh carries over the original sign-in time but no nonce.
 */
public record IdTokenRequest(String issuer, String clientId, long userId, ScopeSet scope, Instant authTime,
                             String nonce, String sessionId, String accessToken) {
    public IdTokenRequest {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
    }
}
