package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;

/** RFC 6749 §2.3.1 client_id and client_secret in the form body. */
public final class ClientSecretPost extends ClientSecretCheck {
    public static final String NAME = "client_secret_post";

    public ClientSecretPost(ClientSecretVerifier secrets) {
        super(NAME, secrets);
    }

    @Override
    public boolean isPresentIn(ClientAuthenticationRequest request) {
        return request.bodyParameter("client_secret") != null;
    }

    @Override
    public Client authenticate(ClientAuthenticationRequest request, ClientStore clients) {
        String clientId = request.bodyParameter("client_id");
        if (clientId == null) {
            throw OAuthException.invalidClient(ClientSecretCheck.FAILED, false);
        }
        return verify(clients, clientId, request.bodyParameter("client_secret"), false);
    }
}
