package io.tollgate.oauth.client;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.token.TokenHasher;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Secrets imported from Django OAuth Toolkit 2.x+, which stores them as Django password hashes. The first
 * successful authentication checks the Django hash and replaces it by Tollgate's SHA-256, so the slow check
 * happens once per client; from then on the client is like any other.
 */
public final class ImportedClientSecrets implements ClientSecretVerifier {
    /** Where imported hashes are kept. */
    public interface Store {
        Optional<String> importedHash(long clientDbId);

        /** Swaps the imported hash for the SHA-256, only if the row still holds {@code importedHash}. */
        boolean replaceWithSha256(long clientDbId, String importedHash, String sha256Hex);
    }

    private final ClientSecretVerifier own;
    private final Store store;
    private final BiPredicate<String, String> djangoCheck;

    /** @param djangoCheck (secret, Django-encoded hash) → matches */
    public ImportedClientSecrets(ClientSecretVerifier own, Store store, BiPredicate<String, String> djangoCheck) {
        this.own = Objects.requireNonNull(own, "own");
        this.store = Objects.requireNonNull(store, "store");
        this.djangoCheck = Objects.requireNonNull(djangoCheck, "djangoCheck");
    }

    @Override
    public boolean matches(Client client, String presentedSecret) {
        if (own.matches(client, presentedSecret)) {
            return true;
        }
        // Only a confidential client that has no secret of Tollgate's yet may use an imported one: once the secret
        // is regenerated or upgraded, the old Django hash is never consulted again.
        if (client.secretHash() != null || !client.isConfidential()) {
            return false;
        }
        Optional<String> imported = store.importedHash(client.id());
        if (imported.isEmpty() || !djangoCheck.test(presentedSecret, imported.get())) {
            return false;
        }
        store.replaceWithSha256(client.id(), imported.get(), TokenHasher.sha256Hex(presentedSecret));
        return true;
    }
}
