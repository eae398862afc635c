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

/**
 * A PostgreSQL DOT database made by Debian 13's DOT 3.0.1 and Django 4.2 (scripts/fetch-dot-release; a database of
 * its own on the test server) into Tollgate on PostgreSQL.
 */
@ExtendWith({RequiresPostgres.class, DropwizardExtensionsSupport.class})
class DjangoImportDot3PostgresIT extends DjangoImportContract {
    static final TestDatabase DATABASE = TestDatabase.postgres("djangoimportdot3");
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE);
    private final String name = "dotimport3_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }

    @Override
    TestDatabase database() {
        return DATABASE;
    }

    @Override
    DotDatabases.Release release() {
        return DotDatabases.Release.DOT_3_0;
    }

    @Override
    JsonNode makeDotDatabase(Path dir) {
        return DotDatabases.postgres(name, release());
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
