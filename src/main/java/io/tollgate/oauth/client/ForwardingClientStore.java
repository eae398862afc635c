package io.tollgate.oauth.client;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import java.util.List;
import java.util.Optional;

/** A client store that hands every call to another; a decorator overrides only the calls it adds to. */
abstract class ForwardingClientStore implements ClientStore {
    final ClientStore store;

    ForwardingClientStore(ClientStore store) {
        this.store = store;
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
        return store.delete(id);
    }
}
