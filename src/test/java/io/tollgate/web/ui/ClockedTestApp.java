package io.tollgate.web.ui;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.dropwizard.testing.ResourceHelpers;
import io.tollgate.testing.TestDatabase;

/** TestApp.start for {@link ClockedApp}. */
final class ClockedTestApp {
    private ClockedTestApp() {
    }

    static DropwizardAppExtension<TollgateConfiguration> start(TestDatabase database) {
        DropwizardAppExtension<TollgateConfiguration> app = new DropwizardAppExtension<>(ClockedApp.class,
                ResourceHelpers.resourceFilePath("browser-test.yml"),
                ConfigOverride.config("database.url", database::url),
                ConfigOverride.config("database.user", database::user),
                ConfigOverride.config("database.password", database::password));
        app.addListener(new DropwizardAppExtension.ServiceListener<>() {
            @Override
            public void onStop(DropwizardAppExtension<TollgateConfiguration> extension) {
                database.drop();
            }
        });
        return app;
    }
}
