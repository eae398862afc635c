package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Routes a token request to the handler for its grant_type after the generic checks. */
public final class GrantHandlers {

    private final Map<GrantType, GrantHandler> handlers;

    public GrantHandlers(List<GrantHandler> handlers) {
        Map<GrantType, GrantHandler> map = new EnumMap<>(GrantType.class);
        for (GrantHandler handler : handlers) {
            if (map.put(handler.grantType(), handler) != null) {
                throw new IllegalArgumentException("Two handlers for " + handler.grantType().wireName());
            }
        }
        this.handlers = Collections.unmodifiableMap(map);
    }

    /** The grant types with a handler, for the metadata document. */
    public java.util.Set<GrantType> grantTypes() {
        return handlers.keySet();
    }

    public TokenResponse dispatch(Client client, TokenParameters params) {
        String wire = params.required("grant_type");
        GrantType type = GrantType.fromWire(wire)
                .orElseThrow(() -> OAuthException.unsupportedGrantType("Unsupported grant type."));
        GrantHandler handler = handlers.get(type);
        if (handler == null) {
            throw OAuthException.unsupportedGrantType("Unsupported grant type.");
        }
        if (!client.allowsGrant(type)) {
            throw OAuthException.unauthorizedClient("Client is not authorized to use this grant type.");
        }
        return handler.handle(client, params);
    }
}
