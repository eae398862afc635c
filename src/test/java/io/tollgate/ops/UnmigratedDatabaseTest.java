package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnmigratedDatabaseTest {
    @Test
    void theServerRefusesToStartAndSaysToMigrate() {
        DropwizardTestSupport<TollgateConfiguration> support = new DropwizardTestSupport<>(TollgateApplication.class,
                TestApp.CONFIG, ConfigOverride.config("database.url",
                        "jdbc:h2:mem:unmigrated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        try {
            assertThatThrownBy(support::before)
                    .hasStackTraceContaining("The database is not migrated")
                    .hasStackTraceContaining("db migrate");
        } finally {
            support.after();
        }
    }
}
