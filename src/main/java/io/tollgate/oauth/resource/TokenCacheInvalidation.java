package io.tollgate.oauth.resource;

import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;

/**
 * The one listener that keeps this node's token cache coherent: whatever the core revokes, deletes or changes
 * is dropped from the cache at once, so this node refuses it immediately. Other nodes hear of it through
 * {@link InvalidationBroadcast} (PostgreSQL NOTIFY), or follow within the cache's staleness bound.
 */
public record TokenCacheInvalidation(CachingAccessTokenLookup cache) implements ProtocolEventListener {

    @Override
    public void on(ProtocolEvent event) {
        Invalidation.of(event).ifPresent(cache::invalidate);
    }
}
