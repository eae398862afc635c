package io.tollgate.ops.djangoimport;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.MetricRegistry;
import io.tollgate.oauth.client.ClientSecretVerifier;
import io.tollgate.oauth.client.ImportedClientSecrets;
import io.tollgate.persistence.JdbiImportedClientSecrets;
import io.tollgate.users.PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** The server's side of importdjango: clients on imported Django-hashed secrets authenticate, and are counted. */
public final class ImportedSecretsWiring {
    public static final String GAUGE = MetricRegistry.name("io.tollgate.clients", "imported-secret-hashes");

    private ImportedSecretsWiring() {
    }

    public static ClientSecretVerifier clientSecrets(Jdbi jdbi) {
        JdbiImportedClientSecrets store = new JdbiImportedClientSecrets(jdbi);
        // Verification only: the iteration setting matters for hashing and rehash decisions, neither of which
        // happens here (an upgraded client secret becomes SHA-256, not PBKDF2).
        PasswordHasher django = new PasswordHasher(1);
        return new ImportedClientSecrets(ClientSecretVerifier.sha256(), store,
                (secret, encoded) -> django.verify(secret, encoded).matches());
    }

    /** How many clients still authenticate with an imported Django hash (the server registers it). */
    public static void registerGauge(Jdbi jdbi, MetricRegistry metrics) {
        JdbiImportedClientSecrets store = new JdbiImportedClientSecrets(jdbi);
        // Cached: a scrape must not cost a table scan each time, and the figure changes slowly.
        metrics.register(GAUGE, new CachedGauge<Long>(1, TimeUnit.MINUTES) {
            @Override
            protected Long loadValue() {
                return store.countImported();
            }
        });
    }
}
