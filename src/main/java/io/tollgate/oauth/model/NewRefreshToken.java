package io.tollgate.oauth.model;

import java.time.Instant;

/** A refresh token row not yet stored. {@code expires} is nullable (never expires). */
public record NewRefreshToken(
        String tokenHash,
        long clientDbId,
        Long userId,
        ScopeSet scope,
        Instant created,
        Instant expires,
        String familyId) implements TokenRow {

    public NewRefreshToken {
        TokenRow.requireCommon(tokenHash, scope, created, familyId);
    }
}
