package io.tollgate.oauth.model;

import java.util.Objects;

/**
 * RFC 6749 §5.1 success body, holding plaintext tokens exactly once on their way to the client.
 *
 * @param refreshToken nullable
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, ScopeSet scope) {

    public static final String BEARER = "Bearer";

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        // Records print every component; a token must never reach a log line.
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope.asString()
                + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
    }
}
