package io.tollgate.oauth.revoke;

import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.store.AuthorizedApplications;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The applications a user has let act for them, for the user's own review, and withdrawing one of them. */
public final class UserAuthorizations {
    private final AuthorizedApplications store;
    private final ProtocolEventPublisher events;
    private final Clock clock;

    public UserAuthorizations(AuthorizedApplications store, ProtocolEventPublisher events, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

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
