package io.tollgate.oauth.store;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fake of {@link ConsentStore}. */
public final class InMemoryConsentStore implements ConsentStore {
    private record Key(long userId, long clientDbId) {
    }

    private final Map<Key, ScopeSet> grants = new ConcurrentHashMap<>();

    @Override
    public Optional<ScopeSet> find(long userId, long clientDbId) {
        return Optional.ofNullable(grants.get(new Key(userId, clientDbId)));
    }

    @Override
    public void save(long userId, long clientDbId, ScopeSet scope, Instant at) {
        grants.put(new Key(userId, clientDbId), scope);
    }

    @Override
    public void delete(long userId, long clientDbId) {
        grants.remove(new Key(userId, clientDbId));
    }
}
