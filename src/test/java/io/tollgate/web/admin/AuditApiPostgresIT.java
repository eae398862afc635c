package io.tollgate.web.admin;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RequiresPostgres.class, DropwizardExtensionsSupport.class})
class AuditApiPostgresIT extends AuditApiContract {
    static final TestDatabase DATABASE = TestDatabase.postgres("auditapi");
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE,
            // the documented opt-in (config.yml), for these tests only: others treat "admin" as unknown
            ConfigOverride.config("oauth.scopes.admin", "Read the audit trail"));

    @Override
    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP;
    }

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
