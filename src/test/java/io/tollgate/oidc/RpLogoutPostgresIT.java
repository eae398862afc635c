package io.tollgate.oidc;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RequiresPostgres.class, DropwizardExtensionsSupport.class})
class RpLogoutPostgresIT extends RpLogoutContract {
    static final TestDatabase DATABASE = TestDatabase.postgres("logout");
    static final DropwizardAppExtension<TollgateConfiguration> APP = OidcTestApp.start(DATABASE);

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
