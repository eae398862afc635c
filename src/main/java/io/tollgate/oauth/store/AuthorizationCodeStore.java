package io.tollgate.oauth.store;

import io.tollgate.oauth.model.AuthorizationCode;
import java.time.Instant;
import java.util.Optional;

/** Storage of authorization codes (hashes only). */
public interface AuthorizationCodeStore {

    /** Inserts a new, unconsumed code. */
    void save(AuthorizationCode code);

    /**
     * Atomically marks the code consumed at {@code at} and returns it, but only for the first caller; later or
     * concurrent callers get empty. Expired codes are still returned: expiry is the caller's decision.
     */
    Optional<AuthorizationCode> consume(String codeHash, Instant at);

    /** The code if it exists and has already been consumed (to detect replay), else empty. */
    Optional<AuthorizationCode> findConsumed(String codeHash);

    /**
     * Records that a consumed code was presented again (the first time wins; later calls keep it) and returns
     * the code; empty, writing nothing, when no consumed code has this hash. The flag must be committed before
     * the caller revokes the code's family: the winning redemption reads it after writing its tokens.
     */
    Optional<AuthorizationCode> markReplayed(String codeHash, Instant at);

    /** Whether {@link #markReplayed} has flagged this code, reading committed state. */
    boolean isReplayed(String codeHash);
}
