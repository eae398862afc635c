package io.tollgate.oauth.event;

import java.time.Instant;

/** A user withdrew an application's access (its tokens and the remembered consent). */
public record AuthorizationRevoked(Instant at, long userId, long clientDbId) implements ProtocolEvent {
}
