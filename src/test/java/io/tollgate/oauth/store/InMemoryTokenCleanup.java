package io.tollgate.oauth.store;

import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.TokenCleanupStore;
import java.time.Instant;

/** The purge's port over the in-memory token store; codes and sessions are not kept in memory long enough to purge. */
public final class InMemoryTokenCleanup implements TokenCleanupStore {
    private final InMemoryTokenStore tokens;

    public InMemoryTokenCleanup(InMemoryTokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public int deleteBatch(PurgeKind kind, Instant cutoff, int limit) {
        if (kind.equals(PurgeKind.ACCESS_TOKENS)) {
            return tokens.deleteAccessTokens(t -> t.expires().isBefore(cutoff)
                    || (t.revoked() != null && t.revoked().isBefore(cutoff)), limit);
        }
        if (kind.equals(PurgeKind.REFRESH_TOKENS)) {
            return tokens.deleteRefreshTokens(t -> (t.expires() != null && t.expires().isBefore(cutoff))
                    || (t.revoked() != null && t.revoked().isBefore(cutoff)), limit);
        }
        return 0;
    }
}
