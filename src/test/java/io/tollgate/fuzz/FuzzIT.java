package io.tollgate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.core.Form;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The project's fuzzer against the real application: a seeded stream of malformed requests over every endpoint,
 * with real credentials so that broken input reaches the code behind authentication. Fails on any 5xx, exception
 * text, non-JSON answer on an API/OAuth path, 2xx for garbage, or a changed user or group list.
 * {@code -Dfuzz.seed=S -Dfuzz.count=N} replay or widen a run.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class FuzzIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("fuzz", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    static final int COUNT = Integer.getInteger("fuzz.count", 2500);

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    @Test
    void malformedRequestsGetClearRefusalsAndChangeNothing() throws Exception {
        TestData data = new TestData(database());
        long staff = data.user("fuzzstaff", "fuzz-staff-pass", true, false);
        data.jdbi().useHandle(handle -> handle.execute("INSERT INTO auth_group (name) VALUES ('fuzz-group')"));
        RegisteredClient client = data.passwordClient("fuzz");
        String base = "http://127.0.0.1:" + app().getLocalPort();
        OAuthClient oauth = new OAuthClient(app().client(), base);
        String basic = OAuthClient.basic(client.client().clientId(), client.plainSecret());
        OAuthClient.Reply token = oauth.token(basic, new Form().param("grant_type", "password")
                .param("username", "fuzzstaff").param("password", "fuzz-staff-pass"));
        assertThat(token.status()).isEqualTo(200);
        String bearer = token.body().get("access_token").asText();
        List<String> usersBefore = names(data, "SELECT username FROM auth_user ORDER BY id");
        List<String> groupsBefore = names(data, "SELECT name FROM auth_group ORDER BY id");

        FuzzCredentials credentials = new FuzzCredentials(bearer, staff, client.client().clientId(),
                client.plainSecret(), "fuzzstaff");
        FuzzRun.Result result = new FuzzRun(URI.create(base), SEED, credentials, Duration.ofSeconds(15)).run(COUNT);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        result.print(new PrintStream(report, true, StandardCharsets.UTF_8));
        System.out.println(getClass().getSimpleName() + " seed " + SEED + "\n" + report.toString(StandardCharsets.UTF_8));

        assertThat(result.failures()).as(report.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(result.sent()).isGreaterThanOrEqualTo(2000);
        // The stream reached every family, and past authentication: field errors and refusals both came back.
        assertThat(result.byFamily()).hasSize(13);
        assertThat(result.byStatus()).containsKeys("400", "401", "404", "415");
        assertThat(names(data, "SELECT username FROM auth_user ORDER BY id")).isEqualTo(usersBefore);
        assertThat(names(data, "SELECT name FROM auth_group ORDER BY id")).isEqualTo(groupsBefore);
        assertThat(oauth.get("/users/" + staff + "/", bearer).status()).isEqualTo(200);
    }

    private static List<String> names(TestData data, String sql) {
        return data.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }
}
