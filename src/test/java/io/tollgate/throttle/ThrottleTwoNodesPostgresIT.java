package io.tollgate.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two nodes on one PostgreSQL schema: failures counted on one node throttle the same key on the other. */
@ExtendWith({RequiresPostgres.class, DropwizardExtensionsSupport.class})
class ThrottleTwoNodesPostgresIT {
    static final TestDatabase DATABASE = TestDatabase.postgres("throttle2");
    static final DropwizardAppExtension<TollgateConfiguration> NODE_A = TestApp.start(DATABASE, ThrottleIT.settings());
    static final DropwizardAppExtension<TollgateConfiguration> NODE_B = TestApp.start(DATABASE, ThrottleIT.settings());

    @Test
    void nodesShareTheCounts() {
        TestData data = new TestData(DATABASE);
        RegisteredClient app = data.passwordClient("app-" + UUID.randomUUID());
        String client = ThrottleHttp.basic(app.client().clientId(), app.plainSecret());
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        data.user(username, "right-password", false, false);
        ThrottleHttp a = new ThrottleHttp(NODE_A.getLocalPort());
        ThrottleHttp b = new ThrottleHttp(NODE_B.getLocalPort());

        // Alternate nodes, as a load balancer would: three failures in all, not three per node.
        assertThat(a.passwordGrant("198.51.100.70", client, username, "guess").statusCode()).isEqualTo(400);
        assertThat(b.passwordGrant("198.51.100.70", client, username, "guess").statusCode()).isEqualTo(400);
        assertThat(a.passwordGrant("198.51.100.70", client, username, "guess").statusCode()).isEqualTo(400);
        for (ThrottleHttp node : new ThrottleHttp[] {a, b}) {
            HttpResponse<String> throttled = node.passwordGrant("198.51.100.70", client, username, "right-password");
            assertThat(throttled.statusCode()).isEqualTo(400);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        }
        // The per-username ceiling (6) too: three more failures from three new addresses over both nodes.
        String[] more = {"198.51.100.80", "198.51.100.90", "198.51.100.81"};
        for (int i = 0; i < more.length; i++) {
            HttpResponse<String> wrong = (i % 2 == 0 ? a : b).passwordGrant(more[i], client, username, "guess");
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.headers().firstValue("Retry-After")).isEmpty();
        }
        assertThat(b.passwordGrant("203.0.113.70", client, username, "right-password").headers()
                .firstValue("Retry-After")).isPresent();
        assertThat(NODE_B.getEnvironment().metrics().meter("io.tollgate.throttle.refused.login").getCount())
                .isEqualTo(2);
    }
}
