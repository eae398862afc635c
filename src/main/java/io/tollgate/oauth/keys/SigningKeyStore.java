package io.tollgate.oauth.keys;

import java.util.List;

/** Storage port for signing keys, shared by every node so they all sign and publish the same keys. */
public interface SigningKeyStore {
    /** Every stored key, any state. */
    List<SealedSigningKey> all();

    /**
     * Stores the first current and next keys. Returns false, storing nothing, when a current key already exists
     * (another node won the race at first start).
     */
    boolean createInitial(SealedSigningKey current, SealedSigningKey next);

    /** Applies {@code rotation} atomically; false, changing nothing, when its key was no longer current. */
    boolean rotate(Rotation rotation);
}
