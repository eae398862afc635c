package io.tollgate.persistence;

import io.tollgate.oauth.client.ImportedClientSecrets;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** oauth_application.client_secret_imported: Django-hashed secrets waiting for their client's first sign-in. */
public record JdbiImportedClientSecrets(Jdbi jdbi) implements ImportedClientSecrets.Store {
    @Override
    public Optional<String> importedHash(long clientDbId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT client_secret_imported FROM oauth_application WHERE id = :id "
                                + "AND client_secret_imported IS NOT NULL")
                .bind("id", clientDbId).mapTo(String.class).findOne());
    }

    @Override
    public boolean replaceWithSha256(long clientDbId, String importedHash, String sha256Hex) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE oauth_application SET client_secret_hash = :sha, client_secret_imported = NULL "
                                + "WHERE id = :id AND client_secret_imported = :imported AND client_secret_hash IS NULL")
                .bind("sha", sha256Hex).bind("id", clientDbId).bind("imported", importedHash)
                .execute()) == 1;
    }

    /** How many clients still authenticate against an imported Django hash. */
    public long countImported() {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM oauth_application WHERE client_secret_imported IS NOT NULL")
                .mapTo(Long.class).one());
    }
}
