package io.tollgate.oauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ResolvedAccessToken;
import io.tollgate.oauth.model.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Forgetting a family drops exactly that family's cached tokens, through the family index and not a scan. */
class CachingAccessTokenLookupTest {
    private final Map<String, ResolvedAccessToken> rows = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final CachingAccessTokenLookup cache = new CachingAccessTokenLookup(hash -> {
        loads.incrementAndGet();
        return Optional.ofNullable(rows.get(hash));
    }, Duration.ofMinutes(5), 1000);

    private void row(String hash, String family, long clientDbId) {
        rows.put(hash, new ResolvedAccessToken(new AccessTokenClaims(rows.size() + 1, hash, family, clientDbId, "c",
                null, null, null, ScopeSet.of("read"), Instant.EPOCH, Instant.EPOCH.plusSeconds(3600)), null, true,
                null));
    }

    /** Looks every hash up once more; returns how many went to the database. */
    private int reloads(String... hashes) {
        int before = loads.get();
        for (String hash : hashes) {
            cache.findByHash(hash);
        }
        return loads.get() - before;
    }

    @Test
    void forgettingAFamilyDropsOnlyItsTokens() {
        row("a1", "fa", 1);
        row("a2", "fa", 1);
        row("b1", "fb", 1);
        assertThat(reloads("a1", "a2", "b1")).isEqualTo(3);
        assertThat(reloads("a1", "a2", "b1")).isZero();

        cache.forgetFamily("fa");
        assertThat(reloads("b1")).isZero();
        assertThat(reloads("a1", "a2")).isEqualTo(2);
        cache.forgetFamily("unknown");
        assertThat(reloads("a1", "a2", "b1")).isZero();
    }

    @Test
    void aTokenDroppedAnotherWayLeavesTheFamilyIndexAndCanBeCachedAgain() {
        row("a1", "fa", 7);
        row("a2", "fa", 8);
        reloads("a1", "a2");
        cache.forgetClient(7);
        cache.forgetToken("a2");
        assertThat(reloads("a1", "a2")).isEqualTo(2);
        cache.forgetFamily("fa");
        assertThat(reloads("a1", "a2")).isEqualTo(2);
        assertThat(reloads("a1", "a2")).isZero();
    }
}
