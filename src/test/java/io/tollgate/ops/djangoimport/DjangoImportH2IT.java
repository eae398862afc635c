package io.tollgate.ops.djangoimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;

/** A SQLite DOT database (made by DOT 1.7) into Tollgate on H2. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DjangoImportH2IT extends DjangoImportContract {
    static final TestDatabase DATABASE = TestDatabase.h2("djangoimport");
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE);
    private Path file;

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
        file = dir.resolve("dot.sqlite3");
        return DotDatabases.sqlite(file, "dot1");
    }

    @Override
    String source() {
        return file.toString();
    }
}
