package io.tollgate.oauth.store;

import io.tollgate.oauth.model.ResolvedAccessToken;
import java.util.Optional;

/** The resource side's one read: an access token by hash, with its client and its user's current state. */
public interface AccessTokenLookup {
    Optional<ResolvedAccessToken> findByHash(String tokenHash);
}
