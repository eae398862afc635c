package io.tollgate.web.security;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.auth.Authenticator;
import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.resource.InvalidationPublisher;
import io.tollgate.oauth.resource.InvalidationTarget;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Checks bearer tokens: hash, look up (through a short-lived per-node cache), then expiry, revocation and the
 * user's active flag, all decided per request so a cached entry never outlives its token. Never touches the
 * password hasher, and answers empty (401), never an exception, for a bad token.
 */
public class TokenAuthenticator implements Authenticator<String, TokenPrincipal>, InvalidationTarget {
    private final BearerTokenLookup lookup;
    private final InvalidationPublisher others;
    /**
     * Counts invalidations. A lookup that overlapped one does not cache its row: it may have read the database
     * just before the change committed, and would otherwise keep the old row for the whole staleness bound.
     */
    private final AtomicLong invalidations = new AtomicLong();
    private final Clock clock;
    private final Cache<String, BearerToken> cache;
    private final boolean caching;
    /** Why recently refused tokens failed, so the 401 can say it without a second lookup. */
    private final Cache<String, TokenCheck.Failure> recentFailures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10))
            .maximumSize(10_000)
            .build();

    public TokenAuthenticator(BearerTokenLookup lookup, Clock clock, Duration maxStaleness, long maximumSize,
                              MetricRegistry metrics) {
        this(lookup, clock, maxStaleness, maximumSize, metrics, InvalidationPublisher.NONE);
    }

    /** @param others tells the other nodes about every change this node forgets (cross-node invalidation) */
    public TokenAuthenticator(BearerTokenLookup lookup, Clock clock, Duration maxStaleness, long maximumSize,
                              MetricRegistry metrics, InvalidationPublisher others) {
        this.lookup = lookup;
        this.others = others;
        this.clock = clock;
        this.caching = !maxStaleness.isZero() && maximumSize > 0;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(caching ? maxStaleness : Duration.ofNanos(1))
                .maximumSize(caching ? maximumSize : 0)
                .recordStats()
                .build();
        metrics.gauge(MetricRegistry.name(TokenAuthenticator.class, "cache", "hit-rate"),
                () -> () -> cache.stats().hitRate());
        metrics.gauge(MetricRegistry.name(TokenAuthenticator.class, "cache", "size"),
                () -> cache::estimatedSize);
    }

    @Override
    public Optional<TokenPrincipal> authenticate(String token) {
        return check(token).asOptional();
    }

    /** Why this token is refused (for the RFC 6750 error description). */
    public TokenCheck.Failure explainFailure(String token) {
        TokenCheck.Failure recent = recentFailures.getIfPresent(TokenHasher.sha256Hex(token));
        if (recent != null) {
            return recent;
        }
        TokenCheck check = check(token);
        return check.failure() == null ? TokenCheck.Failure.INVALID : check.failure();
    }

    /** Like {@link #authenticate}, but says why a token was refused. */
    public TokenCheck check(String token) {
        String hash = TokenHasher.sha256Hex(token);
        TokenCheck result = lookUp(hash);
        if (result.failure() != null) {
            recentFailures.put(hash, result.failure());
        }
        return result;
    }

    private TokenCheck lookUp(String hash) {
        BearerToken found = caching ? cache.getIfPresent(hash) : null;
        if (found == null) {
            long before = invalidations.get();
            Optional<BearerToken> loaded = lookup.findByHash(hash);
            if (loaded.isEmpty()) {
                return TokenCheck.failed(TokenCheck.Failure.INVALID);
            }
            found = loaded.get();
            if (caching && invalidations.get() == before) {
                cache.put(hash, found);
            }
        }
        if (found.revoked() != null || !found.userActive()) {
            return TokenCheck.failed(TokenCheck.Failure.INVALID);
        }
        if (found.principal().isExpired(clock)) {
            return TokenCheck.failed(TokenCheck.Failure.EXPIRED);
        }
        return TokenCheck.valid(found.principal());
    }

    /** Forgets the cached token with this hash, so a revocation on this node takes effect at once. */
    public void forgetToken(String tokenHash) {
        forgetAndTell(Invalidation.tokenHash(tokenHash));
    }

    /** Forgets every cached token of a grant family (reuse detection, code replay). */
    public void forgetFamily(String familyId) {
        forgetAndTell(Invalidation.family(familyId));
    }

    /** Forgets the access tokens issued with this refresh token (rotation, refresh-token revocation). */
    public void forgetIssuedWith(long refreshTokenId) {
        forgetAndTell(Invalidation.issuedWith(refreshTokenId));
    }

    /** Forgets every cached token of this user (deactivation, password change). */
    public void forgetUser(long userId) {
        forgetAndTell(Invalidation.user(userId));
    }

    /** Forgets every cached token issued to this client (the application was deleted). */
    public void forgetClient(String clientId) {
        forgetAndTell(Invalidation.client(clientId));
    }

    /** Forgets the access token with this database id. */
    public void forgetAccessToken(long accessTokenId) {
        forgetAndTell(Invalidation.accessTokenId(accessTokenId));
    }

    private void forgetAndTell(Invalidation invalidation) {
        invalidate(invalidation);
        others.publish(invalidation);
    }

    /** Drops what the invalidation names from this node's cache only (a message from another node lands here). */
    @Override
    public void invalidate(Invalidation invalidation) {
        invalidations.incrementAndGet();
        String value = invalidation.value();
        switch (invalidation.kind()) {
            case TOKEN_HASH -> cache.invalidate(value);
            case FAMILY -> forgetWhere(token -> token.principal().familyId().equals(value));
            case USER -> forgetWhere(token -> token.principal().userId() != null
                    && Long.toString(token.principal().userId()).equals(value));
            case CLIENT -> forgetWhere(token -> token.principal().clientId().equals(value));
            case ACCESS_TOKEN_ID -> forgetWhere(token -> Long.toString(token.principal().accessTokenId()).equals(value));
            case ISSUED_WITH_REFRESH_TOKEN -> forgetWhere(token -> token.refreshTokenId() != null
                    && Long.toString(token.refreshTokenId()).equals(value));
            case ALL -> cache.invalidateAll();
        }
    }

    // A scan of a bounded cache on a rare event, in exchange for no secondary indexes on the hot path.
    private void forgetWhere(Predicate<BearerToken> predicate) {
        cache.asMap().values().removeIf(predicate);
    }
}
