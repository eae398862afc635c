package io.tollgate.oauth.event;

/**
 * Reacts to protocol events. Called synchronously on the thread that made the change, after it is stored, so
 * a listener must be quick and must not block on the network; one that needs to do slow work hands it off.
 * A listener that throws is logged and skipped; the others still run and the request still succeeds.
 */
@FunctionalInterface
public interface ProtocolEventListener {
    void on(ProtocolEvent event);
}
