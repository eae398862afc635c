package io.tollgate.oauth.event;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;

/** A user approved an application's request on the consent page; {@code scope} is what they approved. */
public record ConsentGranted(Instant at, long userId, long clientDbId, String clientId, ScopeSet scope)
        implements ProtocolEvent {
}
