package io.tollgate.persistence;

import io.tollgate.oauth.compose.StoragePorts;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import org.jdbi.v3.core.Jdbi;

/** The authorization server's storage ports on one database; the users package supplies the resource owners. */
public final class JdbiPorts {
    private JdbiPorts() {
    }

    public static StoragePorts of(Jdbi jdbi, ResourceOwnerAuthenticator owners) {
        return new StoragePorts(new JdbiClientStore(jdbi), new JdbiTokenStore(jdbi), new JdbiAuthorizationCodeStore(jdbi),
                new JdbiConsentStore(jdbi), new JdbiAuthorizedTokens(jdbi), new JdbiAccessTokenLookup(jdbi),
                new JdbiTokenCleanup(jdbi), owners);
    }
}
