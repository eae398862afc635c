package io.tollgate.testing;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the real application on random ports against a private test database. */
public final class TestApp {
    public static final String CONFIG = ResourceHelpers.resourceFilePath("test.yml");

    private TestApp() {
    }

    public static DropwizardAppExtension<TollgateConfiguration> start(TestDatabase database, ConfigOverride... more) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", database::url),
                ConfigOverride.config("database.user", database::user),
                ConfigOverride.config("database.password", database::password)));
        overrides.addAll(Arrays.asList(more));
        DropwizardAppExtension<TollgateConfiguration> app = new DropwizardAppExtension<>(
                TollgateApplication.class, CONFIG, overrides.toArray(ConfigOverride[]::new));
        app.addListener(new DropwizardAppExtension.ServiceListener<>() {
            @Override
            public void onStop(DropwizardAppExtension<TollgateConfiguration> extension) {
                database.drop();
            }
        });
        return app;
    }
}
