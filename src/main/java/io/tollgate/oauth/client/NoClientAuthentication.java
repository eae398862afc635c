package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;

/**
 * "none": a public client names itself by client_id alone (RFC 6749 §2.1); it is what a request without any
 * other method's credentials is taken to use. A confidential client can never authenticate this way.
 */
public final class NoClientAuthentication implements ClientAuthenticationMethod {
    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isPresentIn(ClientAuthenticationRequest request) {
        return false;
    }

    @Override
    public Client authenticate(ClientAuthenticationRequest request, ClientStore clients) {
        String clientId = request.bodyParameter("client_id");
        if (clientId == null) {
            throw OAuthException.invalidClient(ClientSecretCheck.FAILED, false);
        }
        return clients.findByClientId(clientId)
                .filter(client -> !client.isConfidential())
                .orElseThrow(() -> OAuthException.invalidClient(ClientSecretCheck.FAILED, false));
    }

    @Override
    public boolean provesSecret() {
        return false;
    }
}
