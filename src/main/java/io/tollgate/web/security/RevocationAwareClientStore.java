package io.tollgate.web.security;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import java.util.List;
import java.util.Optional;

/**
 * Deleting an application deletes its tokens; this also drops them from this node's bearer-token cache, so
 * they are refused at once here and within the cache's staleness bound on other nodes.
 */
public class RevocationAwareClientStore implements ClientStore {
    private final ClientStore store;
    private final TokenAuthenticator authenticator;

    public RevocationAwareClientStore(ClientStore store, TokenAuthenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    @Override
    public Optional<Client> findByClientId(String clientId) {
        return store.findByClientId(clientId);
    }

    @Override
    public Optional<Client> findById(long id) {
        return store.findById(id);
    }

    @Override
    public List<Client> listByOwner(Long ownerUserId) {
        return store.listByOwner(ownerUserId);
    }

    @Override
    public Client insert(Client client) {
        return store.insert(client);
    }

    @Override
    public boolean update(Client client) {
        return store.update(client);
    }

    @Override
    public boolean delete(long id) {
        Optional<Client> client = store.findById(id);
        boolean deleted = store.delete(id);
        client.ifPresent(gone -> authenticator.forgetClient(gone.clientId()));
        return deleted;
    }
}
