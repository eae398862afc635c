package io.tollgate.users.session;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * The person behind a browser session. Staff (and superusers) see and manage every application.
 *
 * @param signedInAt when this session's sign-in happened (OpenID Connect auth_time); null when unknown
 * @param sessionId  a stable public name of the session (OpenID Connect sid), derived from, never equal to,
 *                   anything that opens it; null when unknown
 */
public record SignedInUser(long userId, String username, boolean staff, Instant signedInAt, String sessionId)
        implements Principal {
    public SignedInUser {
        Objects.requireNonNull(username, "username");
    }

    public SignedInUser(long userId, String username, boolean staff) {
        this(userId, username, staff, null, null);
    }

    @Override
    public String getName() {
        return username;
    }
}
