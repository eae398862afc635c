package io.tollgate.web.ui;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RequiresPostgres.class, DropwizardExtensionsSupport.class})
class BrowserPagesPostgresIT extends BrowserPagesContract {
    static final TestDatabase DATABASE = TestDatabase.postgres("browserpages");
    static final DropwizardAppExtension<TollgateConfiguration> APP = ClockedTestApp.start(DATABASE);

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
