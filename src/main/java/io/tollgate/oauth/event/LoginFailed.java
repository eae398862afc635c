package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * A username and password did not match (sign-in page or password grant), or the username is locked out.
 *
 * @param username as typed; never the password
 */
public record LoginFailed(Instant at, String username, boolean throttled) implements ProtocolEvent {
}
