package io.tollgate.users;

import java.time.Instant;
import java.util.List;

/**
 * A user not yet stored: a {@link User} whose id the store has yet to assign (and who has never logged in), so
 * the fields and their checks live in one place. Never logged with its hash.
 */
public record NewUser(User unsaved) {
    public NewUser(String username, String email, String firstName, String lastName, String passwordHash,
                   boolean active, boolean staff, boolean superuser, Instant dateJoined, List<Long> groupIds) {
        this(new User(0, username, email, firstName, lastName, passwordHash, active, staff, superuser, dateJoined,
                null, groupIds));
    }

    public User withId(long id) {
        return unsaved.withId(id);
    }

    public String username() {
        return unsaved.username();
    }

    public List<Long> groupIds() {
        return unsaved.groupIds();
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username() + ", active=" + unsaved.active() + ", staff=" + unsaved.staff()
                + ", superuser=" + unsaved.superuser() + ", groupIds=" + groupIds() + "]";
    }
}
