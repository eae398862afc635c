package io.tollgate.users;

import io.tollgate.oauth.model.Require;
import java.time.Instant;
import java.util.List;

/** A stored user, shaped like Django's auth_user row plus its group memberships. */
public record User(
        long id,
        String username,
        String email,
        String firstName,
        String lastName,
        String passwordHash,
        boolean active,
        boolean staff,
        boolean superuser,
        Instant dateJoined,
        Instant lastLogin,
        List<Long> groupIds) {

    public User {
        Require.nonNull("username email firstName lastName passwordHash dateJoined",
                username, email, firstName, lastName, passwordHash, dateJoined);
        groupIds = List.copyOf(groupIds);
    }

    /** The same user under the id the store assigned; {@link NewUser}s carry 0 until then. */
    User withId(long newId) {
        return new User(newId, username, email, firstName, lastName, passwordHash, active, staff, superuser,
                dateJoined, lastLogin, groupIds);
    }

    public User withPasswordHash(String hash) {
        return new User(id, username, email, firstName, lastName, hash, active, staff, superuser,
                dateJoined, lastLogin, groupIds);
    }

    public User withLastLogin(Instant at) {
        return new User(id, username, email, firstName, lastName, passwordHash, active, staff, superuser,
                dateJoined, at, groupIds);
    }

    // The hash is left out so that logging a user can never leak it.
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", active=" + active + ", staff=" + staff
                + ", superuser=" + superuser + ", groupIds=" + groupIds + "]";
    }
}
