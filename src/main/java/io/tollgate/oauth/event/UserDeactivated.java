package io.tollgate.oauth.event;

import java.time.Instant;

/** A user was deactivated: none of their tokens may be used any more. */
public record UserDeactivated(Instant at, long userId) implements ProtocolEvent {
}
