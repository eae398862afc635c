package io.tollgate.oauth.client;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.token.TokenHasher;

/** Decides whether a presented secret is this client's; the client authenticator asks nothing else about secrets. */
@FunctionalInterface
public interface ClientSecretVerifier {
    boolean matches(Client client, String presentedSecret);

    /** Tollgate's own secrets: SHA-256 at rest, compared in constant time. */
    static ClientSecretVerifier sha256() {
        return (client, secret) -> client.secretHash() != null
                && TokenHasher.constantTimeEquals(TokenHasher.sha256Hex(secret), client.secretHash());
    }
}
