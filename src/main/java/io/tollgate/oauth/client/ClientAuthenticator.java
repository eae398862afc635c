package io.tollgate.oauth.client;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.token.TokenHasher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates the client at the token endpoint (RFC 6749 §2.3): client_secret_basic, client_secret_post, or
 * none for public clients. Exactly one method may be used per request.
 */
public final class ClientAuthenticator {

    static final String FAILED = "Client authentication failed.";
    private static final String BASIC = "basic";
    // Hashed for unknown clients so that a miss costs the same as a wrong secret.
    private static final String UNKNOWN_CLIENT_HASH = TokenHasher.sha256Hex("unknown-client");

    private final ClientStore clients;
    private final ClientSecretVerifier secrets;

    public ClientAuthenticator(ClientStore clients) {
        this(clients, ClientSecretVerifier.sha256());
    }

    public ClientAuthenticator(ClientStore clients, ClientSecretVerifier secrets) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * @param authorizationHeader the raw Authorization header, nullable; non-Basic schemes are ignored here
     * @param bodyParams          the form body parameters
     */
    public Client authenticate(String authorizationHeader, Map<String, List<String>> bodyParams) {
        Optional<Credentials> basic = parseBasic(authorizationHeader);
        String bodyId = single(bodyParams, "client_id");
        String bodySecret = single(bodyParams, "client_secret");
        if (basic.isPresent()) {
            if (bodySecret != null) {
                throw OAuthException.invalidRequest("Multiple client authentication methods.");
            }
            if (bodyId != null && !bodyId.equals(basic.get().id())) {
                throw OAuthException.invalidRequest("client_id does not match the authenticated client.");
            }
            return verify(basic.get().id(), basic.get().secret(), true);
        }
        if (bodyId == null) {
            throw OAuthException.invalidClient(FAILED, false);
        }
        if (bodySecret != null) {
            return verify(bodyId, bodySecret, false);
        }
        return clients.findByClientId(bodyId)
                .filter(client -> !client.isConfidential())
                .orElseThrow(() -> OAuthException.invalidClient(FAILED, false));
    }

    private Client verify(String clientId, String secret, boolean basicAttempted) {
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

    private static Optional<Credentials> parseBasic(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase(BASIC)) {
            return Optional.empty();
        }
        String encoded = space < 0 ? "" : trimmed.substring(space + 1).strip();
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (encoded.isEmpty() || colon < 0) {
                throw OAuthException.invalidClient(FAILED, true);
            }
            // RFC 6749 §2.3.1: both parts are form-urlencoded before Base64, so ':' and '%' survive in secrets.
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (id.isEmpty()) {
                throw OAuthException.invalidClient(FAILED, true);
            }
            return Optional.of(new Credentials(id, secret));
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient(FAILED, true);
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params == null ? null : params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest("Duplicate parameter: " + name);
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }

    private record Credentials(String id, String secret) {
        @Override
        public String toString() {
            return "Credentials[id=" + id + "]";
        }
    }
}
