package io.tollgate.oauth.event;

import java.time.Instant;

/** A user was deleted, and their tokens with them. */
public record UserDeleted(Instant at, long userId) implements ProtocolEvent {
}
