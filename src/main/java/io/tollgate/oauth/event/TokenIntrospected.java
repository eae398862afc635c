package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * A client or a resource server asked about a token (RFC 7662). Says who asked and whether the answer was
 * active, never the token.
 *
 * @param callerClientId the asking client, or null for a resource server (bearer token with the introspection scope)
 */
public record TokenIntrospected(Instant at, String callerClientId, boolean active) implements ProtocolEvent {

    public boolean byResourceServer() {
        return callerClientId == null;
    }
}
