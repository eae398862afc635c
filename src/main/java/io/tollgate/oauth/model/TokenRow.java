package io.tollgate.oauth.model;

import java.time.Instant;

/**
 * What every token row holds, access or refresh, saved or not: the stored tokens are the row they were saved
 * from plus what the store adds ({@link StoredToken}).
 */
public interface TokenRow {
    String tokenHash();

    long clientDbId();

    /** Null for client_credentials tokens. */
    Long userId();

    ScopeSet scope();

    Instant created();

    /** Null: never expires (refresh tokens only). */
    Instant expires();

    String familyId();

    /** What a row of either kind cannot do without: the hash it is found by, its scope, its age, its grant. */
    static void requireCommon(String tokenHash, ScopeSet scope, Instant created, String familyId) {
        Require.nonNull("tokenHash scope created familyId", tokenHash, scope, created, familyId);
    }
}
