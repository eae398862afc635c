package io.tollgate.oauth.event;

import java.time.Instant;

/** A user's record changed (flags, groups, password): what their tokens and sessions may do may have changed. */
public record UserChanged(Instant at, long userId, Change change) implements ProtocolEvent {

    public enum Change { CREATED, UPDATED, PASSWORD_CHANGED }
}
