package io.tollgate.oauth.cleanup;

import java.time.Instant;

/** The purge's port: one bounded, self-contained deletion per call, so a long purge never holds locks for long. */
public interface TokenCleanupStore {

    /**
     * Deletes at most {@code limit} rows of this kind that expired, were revoked or were consumed before
     * {@code cutoff} (sessions: last used before it), in one short transaction, and returns how many went. A refresh token is only deleted once
     * no access token refers to it. Safe to call from several nodes at once: rows another caller is deleting are
     * skipped or found gone, never deleted twice and never an error.
     */
    int deleteBatch(PurgeKind kind, Instant cutoff, int limit);
}
