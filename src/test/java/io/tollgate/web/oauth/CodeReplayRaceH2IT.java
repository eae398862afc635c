package io.tollgate.web.oauth;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class CodeReplayRaceH2IT extends CodeReplayRaceContract {
    static final TestDatabase DATABASE = TestDatabase.h2("coderace");
    // Enough connections that racers meet in the database rather than queue for the pool.
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE,
            ConfigOverride.config("database.maxSize", "20"), ConfigOverride.config("database.maxWaitForConnection", "10s"));

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
