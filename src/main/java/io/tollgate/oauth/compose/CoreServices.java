package io.tollgate.oauth.compose;

import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.event.ProtocolEvents;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenService;
import java.time.Clock;

/**
 * What a grant added from outside gets to build itself with: the same token service, clock, events and
 * ports as the built-in grants (its own storage it brings along).
 */
public record CoreServices(ServerSettings settings, StoragePorts ports, Clock clock, ProtocolEvents events,
                           TokenGenerator generator, TokenService tokens, ClientAuthenticator clientAuthenticator) {

    public ScopeRegistry scopes() {
        return settings.scopes();
    }
}
