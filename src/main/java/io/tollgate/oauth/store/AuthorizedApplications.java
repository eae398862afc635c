package io.tollgate.oauth.store;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.List;

/** The applications a user has let act for them (live tokens), for the user's own review and revocation. */
public interface AuthorizedApplications {

    /**
     * @param firstAuthorized oldest live token's creation
     * @param lastUsed        newest live token's creation
     */
    record Entry(long applicationId, String name, ScopeSet scope, Instant firstAuthorized, Instant lastUsed) {
    }

    /** Applications holding an unrevoked, unexpired access or refresh token of the user, by name. */
    List<Entry> list(long userId, Instant now);

    /**
     * Revokes every access and refresh token of this user for this application and forgets the consent, in one
     * transaction; returns how many tokens were revoked.
     */
    int revoke(long userId, long applicationId, Instant at);
}
