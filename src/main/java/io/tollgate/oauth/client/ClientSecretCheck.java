package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.token.TokenHasher;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * client_secret_basic and client_secret_post: the secret comparison, in constant time and at the same cost for
 * an unknown client. The two methods differ only in where they find the client_id and secret, their
 * {@link Carrier}.
 *
 * @param secrets decides whether a presented secret is the client's (e.g. also imported Django hashes)
 */
public record ClientSecretCheck(Carrier carrier, ClientSecretVerifier secrets) implements ClientAuthenticationMethod {
    static final String FAILED = "Client authentication failed.";
    // Hashed for unknown clients so that a miss costs the same as a wrong secret.
    private static final String UNKNOWN_CLIENT_HASH = TokenHasher.sha256Hex("unknown-client");

    /**
     * Where a method finds the client_id and secret in a request (RFC 6749 §2.3.1).
     *
     * @param name                its registry name
     * @param presence            whether a request carries this method's credentials
     * @param credentials         the client_id and secret; OAuthException invalid_client, or invalid_request for a
     *                            malformed request
     * @param challengesWithBasic whether a failure answers with a Basic challenge (RFC 6749 §5.2: the client
     *                            tried Basic)
     */
    public record Carrier(String name, Predicate<ClientAuthenticationRequest> presence,
                          Function<ClientAuthenticationRequest, Credentials> credentials, boolean challengesWithBasic) {
    }

    /** What a request presents; without the secret in {@link #toString()}, so no log line can carry it. */
    public record Credentials(String clientId, String secret) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + "]";
        }
    }

    public ClientSecretCheck {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** The same method, deciding secrets with {@code verifier}. */
    public ClientSecretCheck verifiedBy(ClientSecretVerifier verifier) {
        return new ClientSecretCheck(carrier, verifier);
    }

    @Override
    public String name() {
        return carrier.name();
    }

    @Override
    public boolean isPresentIn(ClientAuthenticationRequest request) {
        return carrier.presence().test(request);
    }

    @Override
    public Client authenticate(ClientAuthenticationRequest request, ClientStore clients) {
        Credentials presented = carrier.credentials().apply(request);
        boolean basicAttempted = carrier.challengesWithBasic();
        Optional<Client> found = clients.findByClientId(presented.clientId());
        if (found.isEmpty()) {
            TokenHasher.constantTimeEquals(TokenHasher.sha256Hex(presented.secret()), UNKNOWN_CLIENT_HASH);
            throw OAuthException.invalidClient(FAILED, basicAttempted);
        }
        Client client = found.get();
        // A public client without a secret may send "id:" in Basic; anything else is a secret it does not have.
        if (client.secretHash() == null && !client.isConfidential() && presented.secret().isEmpty()) {
            return client;
        }
        if (!secrets.matches(client, presented.secret())) {
            throw OAuthException.invalidClient(FAILED, basicAttempted);
        }
        return client;
    }

    @Override
    public boolean provesSecret() {
        return true;
    }
}
