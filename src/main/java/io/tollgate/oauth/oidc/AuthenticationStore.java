package io.tollgate.oauth.oidc;

import java.time.Instant;
import java.util.Optional;

/** Storage port: the sign-in facts of each OpenID Connect grant family. */
public interface AuthenticationStore {
    /** Stores {@code authentication}; the family is new, so there is no earlier row to replace. */
    void save(Authentication authentication, Instant at);

    Optional<Authentication> find(String familyId);

    /**
     * The purge: rows stored before {@code cutoff} whose grant family has no code or token left (the token purge
     * removed them), so no exchange or refresh can ask for them again; returns how many went.
     */
    int deleteStoredBefore(Instant cutoff);
}
