package io.tollgate.persistence;

import io.tollgate.users.session.SessionManager;
import io.tollgate.users.session.SessionStore;
import io.tollgate.users.session.SignedInUser;
import io.tollgate.users.session.StoredSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Sessions in web_session, read joined with auth_user so each page costs one query. */
public class JdbiSessionStore implements SessionStore {
    private final Jdbi jdbi;

    public JdbiSessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(String sessionHash, long userId, String authHash, Instant at) {
        jdbi.useTransaction(handle -> handle.createUpdate("INSERT INTO web_session (session_hash, user_id, auth_hash, "
                        + "created, last_seen) VALUES (:hash, :user, :auth, :at, :at)")
                .bind("hash", sessionHash).bind("user", userId).bind("auth", authHash)
                .bind("at", Timestamp.from(at))
                .execute());
    }

    @Override
    public Optional<StoredSession> find(String sessionHash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT u.id, u.username, u.is_staff, u.is_superuser, "
                        + "u.is_active, u.password, s.auth_hash, s.last_seen, s.created FROM web_session s "
                        + "JOIN auth_user u ON u.id = s.user_id WHERE s.session_hash = :hash")
                .bind("hash", sessionHash)
                .map((rs, ctx) -> new StoredSession(
                        new SignedInUser(rs.getLong("id"), rs.getString("username"),
                                rs.getBoolean("is_staff") || rs.getBoolean("is_superuser"),
                                Sql.instant(rs, "created"), SessionManager.publicId(sessionHash)),
                        rs.getBoolean("is_active"), rs.getString("auth_hash"),
                        SessionManager.fingerprint(rs.getString("password")),
                        rs.getTimestamp("last_seen").toInstant()))
                .findOne());
    }

    /** Sessions seen at or after {@code since}: the live ones, for the active-sessions gauge. */
    public long countSeenSince(Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM web_session WHERE last_seen >= :since")
                .bind("since", Timestamp.from(since)).mapTo(Long.class).one());
    }

    @Override
    public void touch(String sessionHash, Instant at) {
        jdbi.useTransaction(handle -> handle.createUpdate("UPDATE web_session SET last_seen = :at WHERE session_hash = :hash")
                .bind("hash", sessionHash).bind("at", Timestamp.from(at)).execute());
    }

    @Override
    public void delete(String sessionHash) {
        jdbi.useTransaction(handle -> handle.createUpdate("DELETE FROM web_session WHERE session_hash = :hash")
                .bind("hash", sessionHash).execute());
    }
}
