package io.tollgate.oauth.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RFC 6749 §5.1 success body, holding plaintext tokens exactly once on their way to the client.
 *
 * @param refreshToken      nullable
 * @param additionalMembers members contributed by other parts (an {@code id_token}), rendered after the standard
 *                          ones; never one of the standard names
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, ScopeSet scope,
                            Map<String, Object> additionalMembers) {

    public static final String BEARER = "Bearer";
    public static final Set<String> STANDARD_MEMBERS = Set.of("access_token", "token_type", "expires_in",
            "refresh_token", "scope");

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(scope, "scope");
        additionalMembers = additionalMembers == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(additionalMembers));
        for (String name : additionalMembers.keySet()) {
            if (STANDARD_MEMBERS.contains(name)) {
                throw new IllegalArgumentException("A contributor may not replace " + name);
            }
        }
    }

    public TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, ScopeSet scope) {
        this(accessToken, tokenType, expiresIn, refreshToken, scope, Map.of());
    }

    /** This response with {@code members} added (later contributions of the same name win). */
    public TokenResponse with(Map<String, Object> members) {
        if (members.isEmpty()) {
            return this;
        }
        Map<String, Object> all = new LinkedHashMap<>(additionalMembers);
        all.putAll(members);
        return new TokenResponse(accessToken, tokenType, expiresIn, refreshToken, scope, all);
    }

    @Override
    public String toString() {
        // Records print every component; a token must never reach a log line.
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope.asString()
                + ", refreshToken=" + (refreshToken == null ? "none" : "present") + ", additional="
                + additionalMembers.keySet() + "]";
    }
}
