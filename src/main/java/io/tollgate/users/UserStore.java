package io.tollgate.users;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage port for users. Implementations enforce a unique index on username and throw
 * {@link UniqueViolationException} when it refuses a write.
 */
public interface UserStore {

    Optional<User> findById(long id);

    /** Exact, case-sensitive match, as Django's default ModelBackend does. */
    Optional<User> findByUsername(String username);

    /** Users ordered by id; {@code offset >= 0}, {@code limit >= 1}. */
    Page<User> list(int offset, int limit);

    /** Inserts the user and its group memberships in one transaction; returns the new id. */
    long create(NewUser user);

    /**
     * Replaces every column and the full set of group memberships of {@code user.id()} in ONE transaction:
     * a failure must leave the previous row and memberships intact. No-op if the id does not exist.
     */
    void update(User user);

    /** Deletes the user with its memberships (and, in the database, its tokens by cascade). */
    boolean delete(long id);

    void updatePassword(long id, String passwordHash);

    void recordLogin(long id, Instant at);

    /** Whether another user (not {@code exceptId}, when given) already holds this exact username. */
    boolean usernameTaken(String username, Long exceptId);
}
