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

    static Client verify(ClientStore clients, String clientId, String secret, boolean basicAttempted) {
        Optional<Client> found = clients.findByClientId(clientId);
        String presentedHash = TokenHasher.sha256Hex(secret);
        String storedHash = found.map(Client::secretHash).orElse(UNKNOWN_CLIENT_HASH);
        if (found.isEmpty()) {
            TokenHasher.constantTimeEquals(presentedHash, storedHash);
            throw OAuthException.invalidClient(FAILED, basicAttempted);
        }
        Client client = found.get();
        if (client.secretHash() == null) {
            // A public client without a secret may send "id:" in Basic; anything else is a secret it does not have.
            if (!client.isConfidential() && secret.isEmpty()) {
                return client;
            }
            throw OAuthException.invalidClient(FAILED, basicAttempted);
        }
        if (!TokenHasher.constantTimeEquals(presentedHash, storedHash)) {
            throw OAuthException.invalidClient(FAILED, basicAttempted);
        }
        return client;
    }
}
