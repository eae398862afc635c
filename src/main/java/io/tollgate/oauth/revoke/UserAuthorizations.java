package io.tollgate.oauth.revoke;

import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.store.AuthorizedApplications;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The applications a user has let act for them, for the user's own review, and withdrawing one of them. */
public record UserAuthorizations(AuthorizedApplications store, ProtocolEventPublisher events, Clock clock) {

    public List<AuthorizedApplications.Entry> list(long userId) {
        return store.list(userId, clock.instant());
    }

    /** Revokes the user's tokens for the application and forgets the consent; returns how many tokens went. */
    public int revoke(long userId, long applicationId) {
        Instant now = clock.instant();
        int revoked = store.revoke(userId, applicationId, now);
        events.publish(new AuthorizationRevoked(now, userId, applicationId));
        return revoked;
    }
}
