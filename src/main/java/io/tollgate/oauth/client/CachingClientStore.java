package io.tollgate.oauth.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.resource.InvalidationTarget;
import io.tollgate.oauth.store.ClientStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-node cache of client lookups by client_id, in front of the store: the token endpoint reads the client on
 * every request, and the profile showed that lookup as one of the round trips of a client-credentials grant.
 *
 * <p>Coherence, as for the token cache: writes through this store drop the entry at once; a {@code ClientChanged}
 * or {@code ClientDeleted} event (this node's, or another node's through the invalidation channel) arrives as a
 * {@link Invalidation.Kind#CLIENT} or {@link Invalidation.Kind#ALL} invalidation; anything that changes a client
 * behind the core's back (an operator disabling it in the console also calls {@link #invalidate}) is bounded by
 * {@code maxStaleness}. Only found clients are cached: an unknown client_id always asks the store.
 */
public final class CachingClientStore extends ForwardingClientStore implements InvalidationTarget {
    private final Cache<String, Client> byClientId;
    private final boolean caching;
    /** A load that overlapped an invalidation may have read the old row: it is not cached. */
    private final AtomicLong invalidations = new AtomicLong();

    /** @param maxStaleness zero turns the cache off */
    public CachingClientStore(ClientStore store, Duration maxStaleness, long maximumSize) {
        super(store);
        this.caching = !maxStaleness.isZero() && maximumSize > 0;
        this.byClientId = Caffeine.newBuilder()
                .expireAfterWrite(caching ? maxStaleness : Duration.ofNanos(1))
                .maximumSize(caching ? maximumSize : 0)
                .build();
    }

    @Override
    public Optional<Client> findByClientId(String clientId) {
        if (!caching || clientId == null) {
            return store.findByClientId(clientId);
        }
        Client cached = byClientId.getIfPresent(clientId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = invalidations.get();
        Optional<Client> loaded = store.findByClientId(clientId);
        // A client without a SHA-256 secret is not cached: an imported (Django-hashed) secret is moved to SHA-256 at
        // its first use by a write outside this store, and a public client costs only a lookup.
        if (invalidations.get() == before) {
            loaded.filter(client -> client.secretHash() != null).ifPresent(client -> byClientId.put(clientId, client));
        }
        return loaded;
    }

    @Override
    public boolean update(Client client) {
        try {
            return store.update(client);
        } finally {
            // The client_id itself may have changed: drop by database id, which covers the old one.
            forgetClient(client.id());
        }
    }

    @Override
    public boolean delete(long id) {
        try {
            return store.delete(id);
        } finally {
            forgetClient(id);
        }
    }

    @Override
    public void invalidate(Invalidation invalidation) {
        switch (invalidation.kind()) {
            case CLIENT -> forgetClient(Long.parseLong(invalidation.value()));
            // Deleting a user deletes the applications it owns (ON DELETE CASCADE), with no client event.
            case USER -> forgetWhere(client -> client.ownerUserId() != null
                    && client.ownerUserId() == Long.parseLong(invalidation.value()));
            case ALL -> {
                invalidations.incrementAndGet();
                byClientId.invalidateAll();
            }
            default -> {
                // Tokens and families are not part of a client.
            }
        }
    }

    private void forgetClient(long clientDbId) {
        forgetWhere(client -> client.id() == clientDbId);
    }

    // A scan of a small cache on a rare event, in exchange for no second index on the hot path.
    private void forgetWhere(java.util.function.Predicate<Client> predicate) {
        invalidations.incrementAndGet();
        byClientId.asMap().values().removeIf(predicate);
    }
}
