package io.tollgate.ops.djangoimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** A PostgreSQL DOT database (made by DOT 1.7, a database of its own on the test server) into Tollgate on PostgreSQL. */
@ExtendWith({RequiresPostgres.class, DropwizardExtensionsSupport.class})
class DjangoImportPostgresIT extends DjangoImportContract {
    static final TestDatabase DATABASE = TestDatabase.postgres("djangoimport");
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE);
    private final String name = "dotimport_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }

    @Override
    TestDatabase database() {
        return DATABASE;
    }

    @Override
    JsonNode makeDotDatabase(Path dir) {
        return DotDatabases.postgres(name);
    }

    @Override
    String source() {
        return DotDatabases.postgresUrl(name);
    }

    @Override
    void dropDotDatabase() {
        DotDatabases.dropPostgres(name);
    }
}
