package io.tollgate.users.session;

import java.time.Instant;
import java.util.Optional;

/** Server-side sessions, looked up by the SHA-256 of the cookie value. */
public interface SessionStore {
    void create(String sessionHash, long userId, String authHash, Instant at);

    Optional<StoredSession> find(String sessionHash);

    void touch(String sessionHash, Instant at);

    void delete(String sessionHash);
}
