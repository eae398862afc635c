package io.tollgate.oauth.client;

import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import java.util.List;
import java.util.Set;

/**
 * What a developer (or the operator's CLI) asks to register or change.
 *
 * @param allowedScopes nullable: any configured scope
 * @param clientId      nullable: generated; given only when moving a client from another system
 * @param clientSecret  nullable: generated; given only when moving a client from another system
 * @param postLogoutRedirectUris where OpenID Connect logout may return the browser (exact match)
 * @param accessTokenFormat nullable: a new client gets {@code opaque}, a changed one keeps its format
 */
public record ClientRegistrationRequest(
        String name,
        Long ownerUserId,
        ClientType type,
        Set<GrantType> grantTypes,
        List<String> redirectUris,
        ScopeSet allowedScopes,
        boolean skipAuthorization,
        String clientId,
        String clientSecret,
        List<String> postLogoutRedirectUris,
        String accessTokenFormat) {

    public ClientRegistrationRequest {
        name = name == null ? "" : name.strip();
        grantTypes = grantTypes == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(grantTypes));
        redirectUris = uris(redirectUris);
        postLogoutRedirectUris = uris(postLogoutRedirectUris);
        accessTokenFormat = accessTokenFormat == null || accessTokenFormat.isBlank() ? null : accessTokenFormat.strip();
    }

    /** Without the OpenID Connect settings: no post-logout redirect URIs, the default token format. */
    public ClientRegistrationRequest(String name, Long ownerUserId, ClientType type, Set<GrantType> grantTypes,
                                     List<String> redirectUris, ScopeSet allowedScopes, boolean skipAuthorization,
                                     String clientId, String clientSecret) {
        this(name, ownerUserId, type, grantTypes, redirectUris, allowedScopes, skipAuthorization, clientId,
                clientSecret, List.of(), null);
    }

    /** Stripped, blanks dropped, each URI once, in the order given. */
    private static List<String> uris(List<String> given) {
        return given == null ? List.of()
                : given.stream().map(String::strip).filter(uri -> !uri.isEmpty()).distinct().toList();
    }
}
