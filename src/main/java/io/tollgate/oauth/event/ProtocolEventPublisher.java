package io.tollgate.oauth.event;

/** What the core publishes through; {@link ProtocolEvents} delivers to the subscribed listeners. */
@FunctionalInterface
public interface ProtocolEventPublisher {

    /** Publishes nothing: for parts used where nobody listens (unit tests of a single rule). */
    ProtocolEventPublisher NONE = event -> { };

    void publish(ProtocolEvent event);
}
