package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import java.util.Objects;

/** RFC 6749 §2.3.1 client_id and client_secret in the form body. */
public final class ClientSecretPost implements ClientAuthenticationMethod {
    public static final String NAME = "client_secret_post";
    private final ClientSecretVerifier secrets;

    /** @param secrets decides whether a presented secret is the client's (e.g. also imported Django hashes) */
    public ClientSecretPost(ClientSecretVerifier secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public String name() {
        return NAME;
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
        return ClientSecretCheck.verify(clients, secrets, clientId, request.bodyParameter("client_secret"), false);
    }

    @Override
    public boolean provesSecret() {
        return true;
    }
}
