package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;

/** RFC 6749 §2.3.1 client_id and client_secret in the form body. */
public final class ClientSecretPost {
    public static final String NAME = "client_secret_post";
    static final ClientSecretCheck.Carrier CARRIER = new ClientSecretCheck.Carrier(NAME,
            request -> request.bodyParameter("client_secret") != null, ClientSecretPost::credentials, false);

    private ClientSecretPost() {
    }

    private static ClientSecretCheck.Credentials credentials(ClientAuthenticationRequest request) {
        String clientId = request.bodyParameter("client_id");
        if (clientId == null) {
            throw OAuthException.invalidClient(ClientSecretCheck.FAILED, false);
        }
        return new ClientSecretCheck.Credentials(clientId, request.bodyParameter("client_secret"));
    }
}
