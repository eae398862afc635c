package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.token.TokenHasher;
import java.util.Objects;
import java.util.Optional;

/**
 * What both secret methods (Basic and body) share: the verifier, and the secret comparison, in constant time and
 * at the same cost for an unknown client. They differ only in where they find the client_id and secret.
 */
abstract class ClientSecretCheck implements ClientAuthenticationMethod {
    static final String FAILED = "Client authentication failed.";
    // Hashed for unknown clients so that a miss costs the same as a wrong secret.
    private static final String UNKNOWN_CLIENT_HASH = TokenHasher.sha256Hex("unknown-client");

    private final String name;
    private final ClientSecretVerifier secrets;

    /** @param secrets decides whether a presented secret is the client's (e.g. also imported Django hashes) */
    ClientSecretCheck(String name, ClientSecretVerifier secrets) {
        this.name = name;
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean provesSecret() {
        return true;
    }

    Client verify(ClientStore clients, String clientId, String secret, boolean basicAttempted) {
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
