package io.tollgate.oauth.resource;

import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;
import java.util.Objects;

/**
 * The one listener that keeps this node's token cache coherent: whatever the core revokes, deletes or changes
 * is dropped from the cache at once, so this node refuses it immediately. Other nodes hear of it through
 * {@link InvalidationBroadcast} (PostgreSQL NOTIFY), or follow within the cache's staleness bound.
 */
public final class TokenCacheInvalidation implements ProtocolEventListener {
    private final CachingAccessTokenLookup cache;

    public TokenCacheInvalidation(CachingAccessTokenLookup cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void on(ProtocolEvent event) {
        Invalidation.of(event).ifPresent(cache::invalidate);
    }
}
