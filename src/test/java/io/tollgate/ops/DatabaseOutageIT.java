package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/** The database goes away under a running server: API calls answer 503 JSON, health turns red, / stays up. */
class DatabaseOutageIT {
    @Test
    void aDeadDatabaseIsA503NotA500() throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://localhost:" + h2.getPort() + "/mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        TestDatabase database = TestDatabase.external(url);
        TestData data = new TestData(database);
        data.user("outage", "outage-pass", false, false);
        RegisteredClient application = data.passwordClient("outage app");

        DropwizardTestSupport<TollgateConfiguration> app = new DropwizardTestSupport<>(TollgateApplication.class,
                TestApp.CONFIG, ConfigOverride.config("database.url", url),
                ConfigOverride.config("oauth.tokenCache.maxStaleness", "0s"));
        Client http = ClientBuilder.newClient();
        try {
            app.before();
            OAuthClient curl = new OAuthClient(http, "http://localhost:" + app.getLocalPort());
            String token = curl.passwordToken(application.client().clientId(), application.plainSecret(), "outage",
                    "outage-pass", null);
            assertThat(curl.get("/users/", token).status()).isEqualTo(200);

            h2.stop();

            OAuthClient.Reply users = curl.get("/users/", token);
            assertThat(users.status()).isEqualTo(503);
            assertThat(users.body().get("detail").asText()).isEqualTo("The service is temporarily unavailable.");
            assertThat(users.header("Retry-After")).isEqualTo("5");
            assertThat(curl.get("/.well-known/oauth-authorization-server", null).status()).isEqualTo(200);
            try (Response health = http.target("http://localhost:" + app.getAdminPort() + "/healthcheck").request().get()) {
                assertThat(health.getStatus()).isEqualTo(500);
                assertThat(health.readEntity(JsonNode.class).get("database").get("healthy").asBoolean()).isFalse();
            }
        } finally {
            http.close();
            app.after();
            h2.stop();
        }
    }
}
