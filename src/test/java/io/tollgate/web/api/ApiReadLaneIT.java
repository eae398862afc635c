package io.tollgate.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.fuzz.RawHttp;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GET / and GET /users/{id}/ answer the same whether the read lane took the request or Jersey did (the same
 * request with a query string, which the lane leaves alone): same status, content type and body, for answers,
 * a missing user, every Host form, and every refusal (which the lane always leaves to Jersey).
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class ApiReadLaneIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("readlane", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp http;
    private long userId;
    private String readToken;
    private String basic;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    @BeforeEach
    void setUp() throws Exception {
        TestData data = new TestData(APP.database());
        String username = "reader" + UUID.randomUUID().toString().substring(0, 8);
        userId = data.user(username, "reader-pass-1", false, false);
        RegisteredClient client = data.client("readlane-" + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD), List.of(), null);
        basic = OAuthClient.basic(client.client().clientId(), client.plainSecret());
        http = new RawHttp(URI.create("http://127.0.0.1:" + app().getLocalPort()), 10_000);
        readToken = token("grant_type=password&username=" + username + "&password=reader-pass-1&scope=read");
    }

    private String token(String form) throws Exception {
        String request = "POST /o/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + form;
        RawHttp.Reply reply = http.exchange(request.getBytes(StandardCharsets.UTF_8), false);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return JSON.readTree(reply.body()).get("access_token").asText();
    }

    private RawHttp.Reply get(String target, String host, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return http.exchange(request.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** The lane's answer (no query) and Jersey's (a query it ignores) to the same request; returns the lane's. */
    private RawHttp.Reply assertSameAnswer(String path, String host, int status, String... headers) throws Exception {
        RawHttp.Reply lane = get(path, host, headers);
        RawHttp.Reply jersey = get(path + "?via=jersey", host, headers);
        assertThat(lane.status()).as(lane.text()).isEqualTo(status);
        assertThat(jersey.status()).as(jersey.text()).isEqualTo(status);
        for (String header : List.of("Content-Type", "Content-Length", "WWW-Authenticate", "Cache-Control")) {
            assertThat(lane.header(header)).as(header).isEqualTo(jersey.header(header));
        }
        assertThat(lane.header("X-Request-Id")).isNotBlank().isNotEqualTo(jersey.header("X-Request-Id"));
        assertThat(lane.text()).isEqualTo(jersey.text());
        return lane;
    }

    private String bearer(String token) {
        return "Authorization: Bearer " + token;
    }

    @Test
    void answersAreTheSame() throws Exception {
        RawHttp.Reply root = assertSameAnswer("/", "127.0.0.1", 200, bearer(readToken));
        assertThat(JSON.readTree(root.body()).get("users").asText()).isEqualTo("http://127.0.0.1/users/");
        RawHttp.Reply user = assertSameAnswer("/users/" + userId + "/", "127.0.0.1", 200, bearer(readToken));
        assertThat(user.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(user.body()).get("url").asText())
                .isEqualTo("http://127.0.0.1/users/" + userId + "/");
        assertSameAnswer("/users/" + userId + "/", "127.0.0.1", 200, bearer(readToken), "Accept: */*");
        assertSameAnswer("/users/" + userId + "/", "127.0.0.1", 200, bearer(readToken), "Accept: application/json");
        assertSameAnswer("/users/" + userId + "/", "127.0.0.1", 200, "authorization: bearer " + readToken);
    }

    @Test
    void linksFollowTheHostAsJerseyBuildsThem() throws Exception {
        for (String host : List.of("api.example.org", "api.example.org:8443", "[::1]:9000", "localhost:8000")) {
            RawHttp.Reply user = assertSameAnswer("/users/" + userId + "/", host, 200, bearer(readToken));
            assertThat(JSON.readTree(user.body()).get("url").asText())
                    .isEqualTo("http://" + host + "/users/" + userId + "/");
            assertSameAnswer("/", host, 200, bearer(readToken));
        }
    }

    @Test
    void aMissingUserIsTheSame404() throws Exception {
        RawHttp.Reply missing = assertSameAnswer("/users/999999999/", "127.0.0.1", 404, bearer(readToken));
        assertThat(JSON.readTree(missing.body()).get("detail").asText()).isEqualTo("Not found.");
    }

    @Test
    void refusalsAreTheSame() throws Exception {
        String user = "/users/" + userId + "/";
        assertSameAnswer(user, "127.0.0.1", 401);
        assertSameAnswer(user, "127.0.0.1", 401, bearer("not-a-token"));
        assertSameAnswer("/", "127.0.0.1", 401, bearer("not-a-token"));
        assertSameAnswer(user, "127.0.0.1", 401, "Authorization: Bearer ");
        assertSameAnswer(user, "127.0.0.1", 401, "Authorization: Basic " + readToken);
        String machine = token("grant_type=client_credentials&scope=read");
        assertSameAnswer(user, "127.0.0.1", 403, bearer(machine));
        assertSameAnswer("/", "127.0.0.1", 403, bearer(machine));
        String groupsOnly = token("grant_type=password&username=" + JSON.readTree(
                get(user, "127.0.0.1", bearer(readToken)).body()).get("username").asText()
                + "&password=reader-pass-1&scope=groups");
        RawHttp.Reply underScoped = assertSameAnswer(user, "127.0.0.1", 403, bearer(groupsOnly));
        assertThat(underScoped.header("WWW-Authenticate")).contains("insufficient_scope");
        assertSameAnswer("/", "127.0.0.1", 200, bearer(groupsOnly));
    }

    @Test
    void theResourceTimersCountTheLanesAnswers() throws Exception {
        Timer retrieve = app().getEnvironment().metrics().timer("io.tollgate.web.api.UsersResource.retrieve");
        Timer root = app().getEnvironment().metrics().timer("io.tollgate.web.api.ApiRootResource.api-root");
        long retrieved = retrieve.getCount();
        long listed = root.getCount();
        assertThat(get("/users/" + userId + "/", "127.0.0.1", bearer(readToken)).status()).isEqualTo(200);
        assertThat(get("/", "127.0.0.1", bearer(readToken)).status()).isEqualTo(200);
        // The timer stops once the answer is written, which the client may read first.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((retrieve.getCount() < retrieved + 1 || root.getCount() < listed + 1) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(retrieve.getCount()).isEqualTo(retrieved + 1);
        assertThat(root.getCount()).isEqualTo(listed + 1);
    }
}
