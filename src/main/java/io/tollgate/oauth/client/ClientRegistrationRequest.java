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
        String clientSecret) {

    public ClientRegistrationRequest {
        name = name == null ? "" : name.strip();
        grantTypes = grantTypes == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(grantTypes));
        redirectUris = redirectUris == null ? List.of()
                : redirectUris.stream().map(String::strip).filter(uri -> !uri.isEmpty()).distinct().toList();
    }
}
