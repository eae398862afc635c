package io.tollgate.oauth.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's event bus: listeners subscribe (from any package, at start-up or later), the core publishes.
 * Delivery is synchronous and in subscription order; a failing listener cannot stop the others.
 */
public final class ProtocolEvents implements ProtocolEventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolEvents.class);

    private final List<ProtocolEventListener> listeners = new CopyOnWriteArrayList<>();

    public ProtocolEvents() {
    }

    public ProtocolEvents(List<ProtocolEventListener> initial) {
        initial.forEach(this::subscribe);
    }

    public void subscribe(ProtocolEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void unsubscribe(ProtocolEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void publish(ProtocolEvent event) {
        Objects.requireNonNull(event, "event");
        for (ProtocolEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                // The change is already stored; failing the request now would only hide that it happened.
                LOG.error("Event listener {} failed on {}", listener.getClass().getName(),
                        event.getClass().getSimpleName(), e);
            }
        }
    }
}
