package io.tollgate.oauth.model;

import java.time.Instant;
import java.util.Objects;

/** What a rotated refresh token row keeps for the reuse grace: the sealed new pair and when it was made. */
public record SealedSuccessor(String sealed, Instant rotated) {
    public SealedSuccessor {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(rotated, "rotated");
    }
}
