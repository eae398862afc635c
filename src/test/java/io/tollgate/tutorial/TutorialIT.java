package io.tollgate.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Steps 4 and 5 of the DOT + DRF tutorial (shared/seed/dot-drf-getting-started.txt), request for request,
 * with the answers the tutorial shows.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class TutorialIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("tutorial", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    static final String NO_PERMISSION = "You do not have permission to perform this action.";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    @Test
    void stepsFourAndFiveWorkAsWritten() {
        TestData data = new TestData(database());
        OAuthClient curl = new OAuthClient(app().client(), "http://localhost:" + app().getLocalPort());
        String admin = "admin" + UUID.randomUUID().toString().substring(0, 6);
        long adminId = data.user(admin, "adminpass", true, true);
        RegisteredClient application = data.passwordClient("Tutorial app");
        String basic = OAuthClient.basic(application.client().clientId(), application.plainSecret());

        // Step 4: curl -X POST -d "grant_type=password&username=<user_name>&password=<password>" http://<client_id>:<client_secret>@localhost:8000/o/token/
        Reply token = curl.token(basic, new Form().param("grant_type", "password").param("username", admin)
                .param("password", "adminpass"));
        assertThat(token.status()).isEqualTo(200);
        List<String> keys = List.copyOf(iterable(token.body().fieldNames()));
        assertThat(keys).containsExactly("access_token", "token_type", "expires_in", "refresh_token", "scope");
        assertThat(token.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.body().get("expires_in").asInt()).isEqualTo(36000);
        assertThat(token.body().get("scope").asText()).isEqualTo("read write groups");
        String access = token.body().get("access_token").asText();

        Reply users = curl.get("/users/", access);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body().get("results").findValuesAsText("username")).contains(admin);
        Reply me = curl.get("/users/" + adminId + "/", access);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("url").asText()).endsWith("/users/" + adminId + "/");
        assertThat(me.body().has("password")).isFalse();
        assertThat(curl.get("/groups/", access).status()).isEqualTo(200);
        Reply created = curl.send("POST", "/users/", access, Entity.form(new Form().param("username", "foo")
                .param("password", "bar")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("username").asText()).isEqualTo("foo");
        assertThat(curl.passwordToken(application.client().clientId(), application.plainSecret(), "foo", "bar", null))
                .isNotBlank();

        // Step 5: the same with scope=read.
        Reply readOnly = curl.token(basic, new Form().param("grant_type", "password").param("username", admin)
                .param("password", "adminpass").param("scope", "read"));
        assertThat(readOnly.body().get("scope").asText()).isEqualTo("read");
        String read = readOnly.body().get("access_token").asText();
        assertThat(curl.get("/users/", read).status()).isEqualTo(200);
        assertThat(curl.get("/users/" + adminId + "/", read).status()).isEqualTo(200);
        Reply groups = curl.get("/groups/", read);
        assertThat(groups.status()).isEqualTo(403);
        assertThat(groups.body().get("detail").asText()).isEqualTo(NO_PERMISSION);
        assertThat(groups.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\", scope=\"groups\"");
        Reply write = curl.send("POST", "/users/", read, Entity.form(new Form().param("username", "foo2")
                .param("password", "bar")));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body().get("detail").asText()).isEqualTo(NO_PERMISSION);
        assertThat(write.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\", scope=\"write\"");
    }

    @Test
    void withoutATokenTheApiAsksForOne() {
        OAuthClient curl = new OAuthClient(app().client(), "http://localhost:" + app().getLocalPort());
        Reply reply = curl.get("/users/", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
        Reply bogus = curl.get("/users/", "bogus-token");
        assertThat(bogus.status()).isEqualTo(401);
        assertThat(bogus.header("WWW-Authenticate")).isEqualTo(
                "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token is invalid.\"");
    }

    private static java.util.Collection<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
