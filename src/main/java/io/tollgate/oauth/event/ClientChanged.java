package io.tollgate.oauth.event;

import java.time.Instant;

/** A client was registered or its settings or secret changed. */
public record ClientChanged(Instant at, long clientDbId, String clientId, Change change) implements ProtocolEvent {

    public enum Change { REGISTERED, UPDATED, SECRET_REGENERATED }
}
