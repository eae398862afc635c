package io.tollgate.oauth.compose;

import io.tollgate.oauth.cleanup.TokenCleanupStore;
import io.tollgate.oauth.store.AccessTokenLookup;
import io.tollgate.oauth.store.AuthorizationCodeStore;
import io.tollgate.oauth.store.AuthorizedApplications;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.store.ConsentStore;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.store.TokenStore;

/** The ports the authorization server needs, implemented elsewhere (Jdbi in production, in memory in tests). */
public record StoragePorts(ClientStore clients, TokenStore tokens, AuthorizationCodeStore codes, ConsentStore consents,
                           AuthorizedApplications authorizedApplications, AccessTokenLookup accessTokens,
                           TokenCleanupStore cleanup, ResourceOwnerAuthenticator owners) {
}
