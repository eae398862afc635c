package io.tollgate.oauth.store;

import io.tollgate.oauth.model.Client;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Test fake of {@link ClientStore}. */
public final class InMemoryClientStore implements ClientStore {

    private final Map<String, Client> byClientId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    /** Adds a client as given, id included. */
    public Client add(Client client) {
        byClientId.put(client.clientId(), client);
        return client;
    }

    @Override
    public Optional<Client> findByClientId(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(byClientId.get(clientId));
    }

    @Override
    public Optional<Client> findById(long id) {
        return byClientId.values().stream().filter(client -> client.id() == id).findFirst();
    }

    @Override
    public List<Client> listByOwner(Long ownerUserId) {
        return byClientId.values().stream()
                .filter(client -> ownerUserId == null || Objects.equals(client.ownerUserId(), ownerUserId))
                .sorted(Comparator.comparingLong(Client::id))
                .toList();
    }

    @Override
    public synchronized Client insert(Client client) {
        if (byClientId.containsKey(client.clientId())) {
            throw new DuplicateClientIdException(client.clientId());
        }
        Client stored = client.withId(ids.incrementAndGet());
        byClientId.put(stored.clientId(), stored);
        return stored;
    }

    @Override
    public synchronized boolean update(Client client) {
        Optional<Client> existing = findById(client.id());
        existing.ifPresent(old -> byClientId.remove(old.clientId()));
        existing.ifPresent(old -> byClientId.put(client.clientId(), client));
        return existing.isPresent();
    }

    @Override
    public synchronized boolean delete(long id) {
        Optional<Client> existing = findById(id);
        existing.ifPresent(old -> byClientId.remove(old.clientId()));
        return existing.isPresent();
    }
}
