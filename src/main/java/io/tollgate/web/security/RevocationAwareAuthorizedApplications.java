package io.tollgate.web.security;

import io.tollgate.oauth.store.AuthorizedApplications;
import java.time.Instant;
import java.util.List;

/**
 * A user's revocation on /o/authorized_tokens/ also drops that user's tokens from this node's bearer-token
 * cache (they reload from the database on next use), so this node refuses the revoked tokens at once instead
 * of after the cache's staleness bound; other nodes follow within that bound.
 */
public class RevocationAwareAuthorizedApplications implements AuthorizedApplications {
    private final AuthorizedApplications store;
    private final TokenAuthenticator authenticator;

    public RevocationAwareAuthorizedApplications(AuthorizedApplications store, TokenAuthenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    @Override
    public List<Entry> list(long userId, Instant now) {
        return store.list(userId, now);
    }

    @Override
    public int revoke(long userId, long applicationId, Instant at) {
        int revoked = store.revoke(userId, applicationId, at);
        authenticator.forgetUser(userId);
        return revoked;
    }
}
