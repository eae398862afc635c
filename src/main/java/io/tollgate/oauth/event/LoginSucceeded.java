package io.tollgate.oauth.event;

import java.time.Instant;

/** A username and password matched an active user (sign-in page or password grant); never the password. */
public record LoginSucceeded(Instant at, long userId, String username) implements ProtocolEvent {
}
