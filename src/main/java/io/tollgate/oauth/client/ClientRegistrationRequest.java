package io.tollgate.oauth.client;

import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import java.util.List;
import java.util.Set;

/**
 * What a developer (or the operator's CLI) asks to register or change. The components follow the client
 * metadata of RFC 7591 §2 in its order (redirect_uris, token_endpoint_auth_method as the client type,
 * grant_types, client_name, scope), then OpenID Connect's post_logout_redirect_uris, then what only Tollgate
 * records, then the credentials RFC 7591 §3.2.1 has the server issue.
 *
 * @param allowedScopes nullable: any configured scope
 * @param postLogoutRedirectUris where OpenID Connect logout may return the browser (exact match)
 * @param accessTokenFormat nullable: a new client gets {@code opaque}, a changed one keeps its format
 * @param clientId      nullable: generated; given only when moving a client from another system
 * @param clientSecret  nullable: generated; given only when moving a client from another system
 */
public record ClientRegistrationRequest(
        List<String> redirectUris,
        ClientType type,
        Set<GrantType> grantTypes,
        String name,
        ScopeSet allowedScopes,
        List<String> postLogoutRedirectUris,
        String accessTokenFormat,
        Long ownerUserId,
        boolean skipAuthorization,
        String clientId,
        String clientSecret) {

    public ClientRegistrationRequest {
        name = name == null ? "" : name.strip();
        grantTypes = grantTypes == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(grantTypes));
        redirectUris = uris(redirectUris);
        postLogoutRedirectUris = uris(postLogoutRedirectUris);
        accessTokenFormat = accessTokenFormat == null || accessTokenFormat.isBlank() ? null : accessTokenFormat.strip();
    }

    /** Without the OpenID Connect settings: no post-logout redirect URIs, the default token format. */
    public ClientRegistrationRequest(List<String> redirectUris, ClientType type, Set<GrantType> grantTypes,
                                     String name, ScopeSet allowedScopes, Long ownerUserId,
                                     boolean skipAuthorization, String clientId, String clientSecret) {
        this(redirectUris, type, grantTypes, name, allowedScopes, List.of(), null, ownerUserId, skipAuthorization,
                clientId, clientSecret);
    }

    /** Stripped, blanks dropped, each URI once, in the order given. */
    private static List<String> uris(List<String> given) {
        return given == null ? List.of()
                : given.stream().map(String::strip).filter(uri -> !uri.isEmpty()).distinct().toList();
    }
}
