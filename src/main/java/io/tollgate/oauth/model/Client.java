package io.tollgate.oauth.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered OAuth client (DOT's "application").
 *
 * @param secretHash    SHA-256 hex of the client secret; null for public clients without a secret
 * @param ownerUserId   nullable: clients registered by the operator have no owner
 * @param allowedScopes nullable: null means any configured scope
 */
public record Client(
        long id,
        String clientId,
        String secretHash,
        String name,
        Long ownerUserId,
        ClientType type,
        Set<GrantType> grantTypes,
        List<String> redirectUris,
        ScopeSet allowedScopes,
        boolean skipAuthorization,
        Instant created,
        Instant updated) {

    public Client {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
        grantTypes = grantTypes == null ? Set.of() : Set.copyOf(grantTypes);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }

    public boolean isConfidential() {
        return type == ClientType.CONFIDENTIAL;
    }

    /**
     * A client that can receive refresh tokens (password, authorization_code) may also redeem them, as in DOT;
     * otherwise the tutorial's password-only application could never use the refresh token it is given.
     */
    public boolean allowsGrant(GrantType grantType) {
        if (grantTypes.contains(grantType)) {
            return true;
        }
        return grantType == GrantType.REFRESH_TOKEN
                && (grantTypes.contains(GrantType.PASSWORD) || grantTypes.contains(GrantType.AUTHORIZATION_CODE));
    }

    /** Exact string match, as RFC 9700 §2.1 requires; no prefix or pattern matching. */
    public boolean allowsRedirectUri(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }
}
