package io.tollgate.oidc;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;

/** The real application with the OpenID Connect scopes configured (as config.yml ships them). */
final class OidcTestApp {
    private OidcTestApp() {
    }

    static DropwizardAppExtension<TollgateConfiguration> start(TestDatabase database) {
        return TestApp.start(database,
                ConfigOverride.config("oauth.scopes.openid", "Sign you in to the application"),
                ConfigOverride.config("oauth.scopes.profile", "See your name and username"),
                ConfigOverride.config("oauth.scopes.email", "See your email address"),
                // A client that lost a refresh answer may ask again this long (the replay test needs it).
                ConfigOverride.config("oauth.refreshTokenReuseGrace", "30s"));
    }
}
