package io.tollgate.ops.djangoimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;

/** A SQLite DOT database made by Debian 13's DOT 3.0.1 and Django 4.2 (scripts/fetch-dot-release) into Tollgate on H2. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DjangoImportDot3H2IT extends DjangoImportContract {
    static final TestDatabase DATABASE = TestDatabase.h2("djangoimportdot3");
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
    DotDatabases.Release release() {
        return DotDatabases.Release.DOT_3_0;
    }

    @Override
    JsonNode makeDotDatabase(Path dir) {
        file = dir.resolve("dot.sqlite3");
        return DotDatabases.sqlite(file, release());
    }

    @Override
    String source() {
        return file.toString();
    }
}
