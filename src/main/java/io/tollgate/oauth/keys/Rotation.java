package io.tollgate.oauth.keys;

import io.tollgate.oauth.model.Require;
import java.time.Instant;

/**
 * One rotation, applied by the store in a single transaction: {@code retireKid} (which must still be current,
 * so two nodes rotating at once cannot both win) stops signing and stays verifiable until
 * {@code retiredVerifyUntil}; the next key {@code promoteKid} becomes current, or, when there is none fit to
 * promote, {@code newCurrent} is inserted as current (an unpromoted next key is deleted: it never signed);
 * {@code newNext} is published; retired keys whose tokens have all expired are deleted.
 */
public record Rotation(String retireKid, Instant at, Instant retiredVerifyUntil, String promoteKid,
                       SealedSigningKey newCurrent, SealedSigningKey newNext) {
    public Rotation {
        Require.nonNull("retireKid at retiredVerifyUntil newNext", retireKid, at, retiredVerifyUntil, newNext);
        if ((promoteKid == null) == (newCurrent == null)) {
            throw new IllegalArgumentException("Either promote the next key or insert a new current one");
        }
    }
}
