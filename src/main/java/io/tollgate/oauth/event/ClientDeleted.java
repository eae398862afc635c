package io.tollgate.oauth.event;

import java.time.Instant;

/** A client was deleted, and its tokens and codes with it. */
public record ClientDeleted(Instant at, long clientDbId, String clientId) implements ProtocolEvent {
}
