package io.tollgate.oidc;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RequiresPostgres.class, DropwizardExtensionsSupport.class})
class OidcIssuerPathPostgresIT extends OidcIssuerPathContract {
    static final TestDatabase DATABASE = TestDatabase.postgres("oidcpath");
    static final DropwizardAppExtension<TollgateConfiguration> APP = start(DATABASE);

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
