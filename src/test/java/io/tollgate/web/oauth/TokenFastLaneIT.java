package io.tollgate.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The token endpoint answers the same whether the fast lane took the request (a plain UTF-8 form) or Jersey did
 * (the same ASCII form declared as ISO-8859-1, which the lane leaves alone): same status, same RFC 6749 body, same
 * caching and challenge headers, for grants, refusals and broken framing alike.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class TokenFastLaneIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("fastlane", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LANE = "application/x-www-form-urlencoded";
    private static final String JERSEY = "application/x-www-form-urlencoded; charset=ISO-8859-1";
    private static final List<String> HEADERS = List.of("Content-Type", "Cache-Control", "Pragma",
            "WWW-Authenticate", "Retry-After");

    private RawHttp http;
    private String basic;
    private String username;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    @BeforeEach
    void setUp() {
        TestData data = new TestData(APP.database());
        username = "lane" + UUID.randomUUID().toString().substring(0, 8);
        data.user(username, "lane-pass-1", false, false);
        RegisteredClient client = data.client("lane-" + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN), List.of(), null);
        basic = OAuthClient.basic(client.client().clientId(), client.plainSecret());
        http = new RawHttp(URI.create("http://127.0.0.1:" + app().getLocalPort()), 10_000);
    }

    private RawHttp.Reply post(String path, String contentType, String body, String authorization,
                               String declaredLength, boolean closeAfterSending) throws Exception {
        String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n" + body;
        return http.exchange(request.getBytes(StandardCharsets.UTF_8), closeAfterSending);
    }

    private RawHttp.Reply post(String path, String contentType, String body, String authorization) throws Exception {
        return post(path, contentType, body, authorization,
                String.valueOf(body.getBytes(StandardCharsets.UTF_8).length), false);
    }

    /** Status, headers and body of both paths; tokens are fresh each time, so only their shape is compared. */
    private static void assertSameAnswer(RawHttp.Reply lane, RawHttp.Reply jersey, int status) throws Exception {
        assertThat(lane.status()).as(lane.text()).isEqualTo(status);
        assertThat(jersey.status()).as(jersey.text()).isEqualTo(status);
        for (String header : HEADERS) {
            assertThat(lane.header(header)).as(header).isEqualTo(jersey.header(header));
        }
        assertThat(lane.header("Content-Type")).isEqualTo("application/json");
        assertThat(lane.header("Cache-Control")).isEqualTo("no-store");
        assertThat(lane.header("X-Request-Id")).isNotBlank().isNotEqualTo(jersey.header("X-Request-Id"));
        assertThat(withoutTokens(lane)).isEqualTo(withoutTokens(jersey));
    }

    private static JsonNode withoutTokens(RawHttp.Reply reply) throws Exception {
        JsonNode body = JSON.readTree(reply.body());
        if (body instanceof ObjectNode object) {
            for (String name : List.of("access_token", "refresh_token")) {
                if (object.has(name)) {
                    assertThat(object.get(name).asText()).matches("[A-Za-z0-9_-]{43}");
                    object.put(name, "<token>");
                }
            }
        }
        return body;
    }

    private void assertSameAnswer(String body, String authorization, int status) throws Exception {
        assertSameAnswer(post("/o/token/", LANE, body, authorization), post("/o/token/", JERSEY, body, authorization),
                status);
    }

    @Test
    void grantsAreTheSame() throws Exception {
        assertSameAnswer("grant_type=client_credentials&scope=read", basic, 200);
        assertSameAnswer("grant_type=password&username=" + username + "&password=lane-pass-1", basic, 200);
        assertSameAnswer(post("/o/token", LANE, "grant_type=client_credentials", basic),
                post("/o/token", JERSEY, "grant_type=client_credentials", basic), 200);
        JsonNode pair = JSON.readTree(post("/o/token/", LANE,
                "grant_type=password&username=" + username + "&password=lane-pass-1", basic).body());
        JsonNode rotated = JSON.readTree(post("/o/token/", LANE,
                "grant_type=refresh_token&refresh_token=" + pair.get("refresh_token").asText(), basic).body());
        assertThat(rotated.get("refresh_token").asText()).isNotEqualTo(pair.get("refresh_token").asText());
        RawHttp.Reply replayed = post("/o/token/", LANE,
                "grant_type=refresh_token&refresh_token=" + pair.get("refresh_token").asText(), basic);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(JSON.readTree(replayed.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refusalsAreTheSame() throws Exception {
        assertSameAnswer("grant_type=client_credentials", OAuthClient.basic("nobody", "nothing"), 401);
        assertSameAnswer("grant_type=client_credentials", null, 401);
        assertSameAnswer("grant_type=made_up", basic, 400);
        assertSameAnswer("scope=read", basic, 400);
        assertSameAnswer("", basic, 400);
        assertSameAnswer("grant_type=client_credentials&scope=%00", basic, 400);
        assertSameAnswer("grant_type=%ZZ", basic, 400);
        assertSameAnswer("grant_type=client_credentials&grant_type=password", basic, 400);
        assertSameAnswer("grant_type=password&username=" + username + "&password=wrong", basic, 400);
        assertSameAnswer("grant_type=client_credentials", "Basic " + "!!not-base64!!", 401);
        assertSameAnswer("grant_type=client_credentials&scope=admin", basic, 400);
    }

    @Test
    void aBodyShorterThanDeclaredIsTheSame400() throws Exception {
        String body = "grant_type=client_credentials";
        assertSameAnswer(post("/o/token/", LANE, body, basic, "200", true),
                post("/o/token/", JERSEY, body, basic, "200", true), 400);
        assertThat(JSON.readTree(post("/o/token/", LANE, body, basic, "200", true).body())
                .get("error").asText()).isEqualTo("invalid_request");
    }
}
