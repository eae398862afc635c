package io.tollgate.users;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A user not yet stored; the store assigns the id. Never logged with its hash. */
public record NewUser(
        String username,
        String email,
        String firstName,
        String lastName,
        String passwordHash,
        boolean active,
        boolean staff,
        boolean superuser,
        Instant dateJoined,
        List<Long> groupIds) {

    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(dateJoined, "dateJoined");
        groupIds = List.copyOf(groupIds);
    }

    public User withId(long id) {
        return new User(id, username, email, firstName, lastName, passwordHash, active, staff, superuser,
                dateJoined, null, groupIds);
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", active=" + active + ", staff=" + staff
                + ", superuser=" + superuser + ", groupIds=" + groupIds + "]";
    }
}
