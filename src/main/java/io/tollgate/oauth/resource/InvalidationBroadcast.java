package io.tollgate.oauth.resource;

import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;

/**
 * Tells the other nodes what each protocol event made stale, with the same mapping this node's own cache uses
 * ({@link Invalidation#of}). Events are published after the change is stored, so a node that hears of it and
 * reloads finds the new state.
 */
public record InvalidationBroadcast(InvalidationPublisher others) implements ProtocolEventListener {

    @Override
    public void on(ProtocolEvent event) {
        Invalidation.of(event).ifPresent(others::publish);
    }
}
