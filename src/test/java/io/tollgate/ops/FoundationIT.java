package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The foundation's promises, checked over HTTP against the running application on each database. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class FoundationIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("foundation", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    private String base() {
        return "http://127.0.0.1:" + app().getLocalPort();
    }

    private String admin() {
        return "http://127.0.0.1:" + app().getAdminPort();
    }

    @Test
    void unknownPathIsAJson404() {
        try (Response response = app().client().target(base() + "/nope").request().get()) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getMediaType().toString()).startsWith("application/json");
            assertThat(response.readEntity(JsonNode.class).get("detail").asText()).isEqualTo("Not found.");
        }
    }

    @Test
    void wrongMethodIsAJson405WithAllow() {
        try (Response response = app().client().target(base() + "/").request()
                .post(Entity.entity("{}", MediaType.APPLICATION_JSON))) {
            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.getHeaderString("Allow")).contains("GET");
            assertThat(response.readEntity(JsonNode.class).get("detail").asText()).isEqualTo("Method \"POST\" not allowed.");
        }
    }

    @Test
    void malformedUriIsJsonNotHtml() {
        try (Response response = app().client().target(base() + "/users/%zz").request().get()) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getMediaType().toString()).startsWith("application/json");
            assertThat(response.readEntity(String.class)).contains("\"detail\"").doesNotContain("<html");
        }
    }

    /** The root lists the collections to a user's token (BadInputIT); without one it is a 401 like every API view. */
    @Test
    void apiRootNeedsAuthentication() {
        try (Response response = app().client().target(base() + "/").request().get()) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
            assertThat(response.readEntity(JsonNode.class).get("detail").asText())
                    .isEqualTo("Authentication credentials were not provided.");
        }
    }

    @Test
    void healthChecksShowTheDatabaseAndMigrationsHealthy() {
        try (Response response = app().client().target(admin() + "/healthcheck").request().get()) {
            JsonNode health = response.readEntity(JsonNode.class);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(health.get("database").get("healthy").asBoolean()).isTrue();
            assertThat(health.get("migrations").get("healthy").asBoolean()).isTrue();
            assertThat(health.get("migrations").get("message").asText()).isEqualTo("schema up to date");
        }
    }

    @Test
    void prometheusEndpointExportsJvmJettyAndResourceMetrics() {
        app().client().target(base() + "/").request().get().close();
        String text = app().client().target(admin() + "/prometheus").request()
                .accept("text/plain;version=0.0.4").get(String.class);
        assertThat(text).contains("# TYPE jvm_memory_heap_used gauge");
        assertThat(text).contains("io_dropwizard_jetty_MutableServletContextHandler_requests");
        assertThat(text).contains("io_tollgate_web_api_ApiRootResource_api_root");
    }
}
