package io.tollgate.oauth.model;

import java.time.Instant;
import java.util.Objects;

/** An access token row not yet stored; the store assigns the id and links it to the refresh token saved with it. */
public record NewAccessToken(
        String tokenHash,
        long clientDbId,
        String clientId,
        Long userId,
        ScopeSet scope,
        Instant created,
        Instant expires,
        String familyId) implements TokenRow {

    public NewAccessToken {
        TokenRow.requireCommon(tokenHash, scope, created, familyId);
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(expires, "expires");
    }
}
