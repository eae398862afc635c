package io.tollgate.web.security;

import java.util.Optional;

/** Finds an access token by the SHA-256 hash of its value, with its user's current flags. */
public interface BearerTokenLookup {
    Optional<BearerToken> findByHash(String tokenHash);
}
