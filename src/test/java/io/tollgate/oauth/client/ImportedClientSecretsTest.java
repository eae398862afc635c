package io.tollgate.oauth.client;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.users.PasswordHasher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A DOT 2.x client secret (a Django hash) works once through the slow check, then as SHA-256. */
class ImportedClientSecretsTest {
    private static final String SECRET = "dot-secret-" + "z".repeat(40);

    private final OAuthFixture f = new OAuthFixture();
    private final PasswordHasher django = new PasswordHasher(1000);
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final MapStore store = new MapStore();
    private final ClientAuthenticator authenticator = new ClientAuthenticator(f.clients,
            new ImportedClientSecrets(ClientSecretVerifier.sha256(), store, (secret, encoded) -> {
                slowChecks.incrementAndGet();
                return django.verify(secret, encoded).matches();
            }));

    /** Mirrors the Jdbi store: the upgrade writes the SHA-256 into the client row and clears the import. */
    private final class MapStore implements ImportedClientSecrets.Store {
        final Map<Long, String> imported = new HashMap<>();

        @Override
        public Optional<String> importedHash(long clientDbId) {
            return Optional.ofNullable(imported.get(clientDbId));
        }

        @Override
        public boolean replaceWithSha256(long clientDbId, String importedHash, String sha256Hex) {
            if (!importedHash.equals(imported.get(clientDbId))) {
                return false;
            }
            imported.remove(clientDbId);
            Client old = f.clients.findById(clientDbId).orElseThrow();
            f.clients.update(new Client(old.id(), old.clientId(), sha256Hex, old.name(), old.ownerUserId(), old.type(),
                    old.grantTypes(), old.redirectUris(), old.allowedScopes(), old.skipAuthorization(), old.created(),
                    old.updated()));
            return true;
        }
    }

    private Client importedClient(String clientId, ClientType type) {
        Client client = f.clients.add(f.client(clientId, null, type, null, GrantType.PASSWORD));
        store.imported.put(client.id(), django.hash(SECRET));
        return client;
    }

    private static Map<String, List<String>> post(String id, String secret) {
        return Map.of("client_id", List.of(id), "client_secret", List.of(secret));
    }

    @Test
    void theImportedHashVerifiesOnceAndIsReplacedBySha256() {
        Client client = importedClient("imported-1", ClientType.CONFIDENTIAL);

        assertThat(authenticator.authenticate(null, post("imported-1", SECRET)).id()).isEqualTo(client.id());
        assertThat(store.imported).doesNotContainKey(client.id());
        assertThat(f.clients.findById(client.id()).orElseThrow().secretHash()).isEqualTo(TokenHasher.sha256Hex(SECRET));

        assertThat(authenticator.authenticate(null, post("imported-1", SECRET)).id()).isEqualTo(client.id());
        assertThat(slowChecks).as("the second authentication is the SHA-256 one").hasValue(1);
    }

    @Test
    void aWrongSecretFailsAndChangesNothing() {
        Client client = importedClient("imported-2", ClientType.CONFIDENTIAL);
        assertOAuthError(() -> authenticator.authenticate(null, post("imported-2", SECRET + "x")), "invalid_client");
        assertThat(store.imported).containsKey(client.id());
        assertThat(f.clients.findById(client.id()).orElseThrow().secretHash()).isNull();
    }

    @Test
    void aClientWithASecretOfTollgatesNeverFallsBackToTheImportedHash() {
        Client client = f.confidentialClient("regenerated", "new-secret-" + "n".repeat(40), GrantType.PASSWORD);
        store.imported.put(client.id(), django.hash(SECRET));
        assertOAuthError(() -> authenticator.authenticate(null, post("regenerated", SECRET)), "invalid_client");
        assertThat(slowChecks).hasValue(0);
    }

    @Test
    void aPublicClientIsNotCheckedAgainstAnImportedHash() {
        importedClient("public-imported", ClientType.PUBLIC);
        assertOAuthError(() -> authenticator.authenticate(null, post("public-imported", SECRET)), "invalid_client");
        assertThat(authenticator.authenticate(null, Map.of("client_id", List.of("public-imported"))).clientId())
                .isEqualTo("public-imported");
    }
}
