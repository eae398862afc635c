package io.tollgate.oauth.store;

import io.tollgate.oauth.model.Client;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fake of {@link ClientStore}. */
public final class InMemoryClientStore implements ClientStore {

    private final Map<String, Client> byClientId = new ConcurrentHashMap<>();

    public Client add(Client client) {
        byClientId.put(client.clientId(), client);
        return client;
    }

    @Override
    public Optional<Client> findByClientId(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(byClientId.get(clientId));
    }
}
