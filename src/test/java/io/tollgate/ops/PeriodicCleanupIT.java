package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.persistence.JdbiTokenStore;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server left alone keeps its token table bounded: the built-in schedule purges without outside help. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PeriodicCleanupIT {
    static final TestDatabase DATABASE = TestDatabase.h2("periodic");
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE,
            ConfigOverride.config("cleanup.interval", "1s"),
            ConfigOverride.config("cleanup.retention", "0s"));

    @Test
    void expiredTokensDisappearOnTheirOwn() throws InterruptedException {
        TestData data = new TestData(DATABASE);
        long appId = data.passwordClient("periodic-" + UUID.randomUUID()).client().id();
        JdbiTokenStore tokens = new JdbiTokenStore(data.jdbi());
        Instant past = Instant.now().minusSeconds(120);
        for (int i = 0; i < 20; i++) {
            tokens.save(new NewAccessToken("gone" + UUID.randomUUID(), appId, "c", null, ScopeSet.of("read"), past,
                    past.plusSeconds(60), "f"), null);
        }
        String live = "live" + UUID.randomUUID();
        tokens.save(new NewAccessToken(live, appId, "c", null, ScopeSet.of("read"), Instant.now(),
                Instant.now().plusSeconds(3600), "f2"), null);

        // A real scheduler is under test here, so this waits for it (bounded), instead of moving a clock.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (data.count("oauth_access_token") > 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(data.count("oauth_access_token")).isEqualTo(1);
        assertThat(tokens.findAccessToken(live)).isPresent();
    }
}
