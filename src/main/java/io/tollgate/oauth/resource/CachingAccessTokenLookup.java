package io.tollgate.oauth.resource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ResolvedAccessToken;
import io.tollgate.oauth.store.AccessTokenLookup;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A per-node cache in front of the access-token lookup, bounded in size and in staleness: a row is trusted for
 * at most {@code maxStaleness}, and {@link TokenCacheInvalidation} drops rows at once when this node learns of a
 * change. Expiry is still judged per request by the validator, so a cached row never outlives its token.
 */
public final class CachingAccessTokenLookup implements AccessTokenLookup, InvalidationTarget {
    private final AccessTokenLookup lookup;
    /**
     * Counts invalidations. A load that overlapped one does not cache its row: it may have read the database just
     * before the change committed, and would otherwise keep the old row for the whole staleness bound.
     */
    private final AtomicLong invalidations = new AtomicLong();
    private final Cache<String, ResolvedAccessToken> cache;
    /**
     * The cached token hashes of each grant family, so that forgetting a family (every refresh-token rotation
     * does) costs the family's few entries instead of a scan of the whole cache. Kept by the cache's own removal
     * listener, run on the removing thread; a family's hashes never change, so a replaced entry keeps its place.
     */
    private final Map<String, Set<String>> byFamily = new ConcurrentHashMap<>();
    private final boolean caching;

    /** @param maxStaleness zero turns the cache off */
    public CachingAccessTokenLookup(AccessTokenLookup lookup, Duration maxStaleness, long maximumSize) {
        this.lookup = lookup;
        this.caching = !maxStaleness.isZero() && maximumSize > 0;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(caching ? maxStaleness : Duration.ofNanos(1))
                .maximumSize(caching ? maximumSize : 0)
                .recordStats()
                .executor(Runnable::run)
                .removalListener((String hash, ResolvedAccessToken token, RemovalCause cause) -> {
                    if (hash != null && token != null && cause != RemovalCause.REPLACED) {
                        unindex(token.claims().familyId(), hash);
                    }
                })
                .build();
    }

    @Override
    public Optional<ResolvedAccessToken> findByHash(String tokenHash) {
        if (!caching) {
            return lookup.findByHash(tokenHash);
        }
        ResolvedAccessToken cached = cache.getIfPresent(tokenHash);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = invalidations.get();
        Optional<ResolvedAccessToken> loaded = lookup.findByHash(tokenHash);
        if (invalidations.get() == before) {
            loaded.ifPresent(token -> {
                byFamily.computeIfAbsent(token.claims().familyId(), family -> ConcurrentHashMap.newKeySet())
                        .add(tokenHash);
                cache.put(tokenHash, token);
            });
        }
        return loaded;
    }

    /** Share of lookups answered from the cache (a metrics gauge). */
    public double hitRate() {
        return cache.stats().hitRate();
    }

    /** Lookups answered from the cache, since start (with {@link #misses()}: a rate over any window). */
    public long hits() {
        return cache.stats().hitCount();
    }

    public long misses() {
        return cache.stats().missCount();
    }

    public long size() {
        return cache.estimatedSize();
    }

    /** Drops what the invalidation names: from this node's events, or from another node's message. */
    @Override
    public void invalidate(Invalidation invalidation) {
        String value = invalidation.value();
        switch (invalidation.kind()) {
            case TOKEN_HASH -> forgetToken(value);
            case FAMILY -> forgetFamily(value);
            case USER -> forgetUser(Long.parseLong(value));
            case CLIENT -> forgetClient(Long.parseLong(value));
            case ALL -> {
                invalidations.incrementAndGet();
                cache.invalidateAll();
            }
        }
    }

    public void forgetToken(String tokenHash) {
        invalidations.incrementAndGet();
        cache.invalidate(tokenHash);
    }

    public void forgetFamily(String familyId) {
        invalidations.incrementAndGet();
        Set<String> hashes = byFamily.remove(familyId);
        if (hashes != null) {
            cache.invalidateAll(hashes);
        }
    }

    private void unindex(String familyId, String tokenHash) {
        byFamily.computeIfPresent(familyId, (family, hashes) -> {
            hashes.remove(tokenHash);
            return hashes.isEmpty() ? null : hashes;
        });
    }

    public void forgetUser(long userId) {
        forgetWhere(claims -> claims.userId() != null && claims.userId() == userId);
    }

    public void forgetClient(long clientDbId) {
        forgetWhere(claims -> claims.clientDbId() == clientDbId);
    }

    // A scan of a bounded cache on a rare event, in exchange for no secondary indexes on the hot path.
    private void forgetWhere(Predicate<AccessTokenClaims> predicate) {
        invalidations.incrementAndGet();
        cache.asMap().values().removeIf(token -> predicate.test(token.claims()));
    }
}
