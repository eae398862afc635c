package io.tollgate.users.session;

import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts, resolves and ends sign-in sessions. The cookie carries 256 random bits; the database holds only their
 * hash. A session ends after {@code idleTimeout} without requests, on sign-out, when the user is deactivated and
 * when the password changes (by any route: the page, the API or the changepassword command).
 */
public record SessionManager(SessionStore store, TokenGenerator generator, Duration idleTimeout, Clock clock) {
    public SessionManager {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Returns the new cookie value. */
    public String start(long userId, String passwordHash) {
        String id = generator.generate();
        store.create(TokenHasher.sha256Hex(id), userId, fingerprint(passwordHash), clock.instant());
        return id;
    }

    public Optional<SignedInUser> resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String hash = TokenHasher.sha256Hex(cookieValue);
        Optional<StoredSession> found = store.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = found.get();
        Instant now = clock.instant();
        boolean idle = !now.isBefore(session.lastSeen().plus(idleTimeout));
        if (idle || !session.userActive()
                || !TokenHasher.constantTimeEquals(session.authHash(), session.currentAuthHash())) {
            store.delete(hash);
            return Optional.empty();
        }
        // One write per minute at most: the idle window only needs minute precision.
        if (Duration.between(session.lastSeen(), now).compareTo(Duration.ofMinutes(1)) >= 0) {
            store.touch(hash, now);
        }
        return Optional.of(session.user());
    }

    public void end(String cookieValue) {
        if (cookieValue != null && !cookieValue.isEmpty()) {
            store.delete(TokenHasher.sha256Hex(cookieValue));
        }
    }

    /** The session's public id (OpenID Connect sid): a one-way function of the stored hash, labelled. */
    public static String publicId(String sessionHash) {
        return TokenHasher.sha256Hex("tollgate/sid/v1:" + sessionHash).substring(0, 32);
    }

    public static String fingerprint(String passwordHash) {
        return TokenHasher.sha256Hex(passwordHash == null ? "" : passwordHash);
    }
}
