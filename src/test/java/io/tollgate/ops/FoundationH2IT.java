package io.tollgate.ops;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class FoundationH2IT extends FoundationContract {
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(TestDatabase.h2("foundation"));

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }
}
