package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.token.TokenHasher;
import java.util.Optional;

/** The secret comparison both secret methods share: constant time, and the same cost for an unknown client. */
final class ClientSecretCheck {
    static final String FAILED = "Client authentication failed.";
    // Hashed for unknown clients so that a miss costs the same as a wrong secret.
    private static final String UNKNOWN_CLIENT_HASH = TokenHasher.sha256Hex("unknown-client");

    private ClientSecretCheck() {
    }

    static Client verify(ClientStore clients, ClientSecretVerifier secrets, String clientId, String secret,
                         boolean basicAttempted) {
        Optional<Client> found = clients.findByClientId(clientId);
        if (found.isEmpty()) {
            TokenHasher.constantTimeEquals(TokenHasher.sha256Hex(secret), UNKNOWN_CLIENT_HASH);
            throw OAuthException.invalidClient(FAILED, basicAttempted);
        }
        Client client = found.get();
        // A public client without a secret may send "id:" in Basic; anything else is a secret it does not have.
        if (client.secretHash() == null && !client.isConfidential() && secret.isEmpty()) {
            return client;
        }
        if (!secrets.matches(client, secret)) {
            throw OAuthException.invalidClient(FAILED, basicAttempted);
        }
        return client;
    }
}
