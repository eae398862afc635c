package io.tollgate.oauth.model;

import java.time.Clock;
import java.time.Instant;

/** A saved token: the row it was saved from, the id the store gave it and, once revoked, when. */
public interface StoredToken extends TokenRow {
    long id();

    TokenRow row();

    /** Nullable. */
    Instant revoked();

    @Override
    default String tokenHash() {
        return row().tokenHash();
    }

    @Override
    default long clientDbId() {
        return row().clientDbId();
    }

    @Override
    default Long userId() {
        return row().userId();
    }

    @Override
    default ScopeSet scope() {
        return row().scope();
    }

    @Override
    default Instant created() {
        return row().created();
    }

    @Override
    default Instant expires() {
        return row().expires();
    }

    @Override
    default String familyId() {
        return row().familyId();
    }

    default boolean isExpired(Clock clock) {
        return expires() != null && !clock.instant().isBefore(expires());
    }

    default boolean isRevoked() {
        return revoked() != null;
    }

    default boolean isActive(Clock clock) {
        return !isRevoked() && !isExpired(clock);
    }
}
