package io.tollgate.users.session;

import java.security.Principal;
import java.util.Objects;

/** The person behind a browser session. Staff (and superusers) see and manage every application. */
public record SignedInUser(long userId, String username, boolean staff) implements Principal {
    public SignedInUser {
        Objects.requireNonNull(username, "username");
    }

    @Override
    public String getName() {
        return username;
    }
}
