package io.tollgate.oauth.store;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.Optional;

/** What each user has agreed to let each client do, so they are not asked the same question twice. */
public interface ConsentStore {

    /** The scopes this user has granted this client (by database id), or empty if never or revoked. */
    Optional<ScopeSet> find(long userId, long clientDbId);

    /** Records the full granted set, replacing any earlier one. */
    void save(long userId, long clientDbId, ScopeSet scope, Instant at);

    /** Forgets the grant; the next authorization asks again. */
    void delete(long userId, long clientDbId);
}
