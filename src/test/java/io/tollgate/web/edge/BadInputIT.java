package io.tollgate.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.fuzz.RawHttp;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.core.Form;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile input at the edge, over raw sockets (an HTTP client would fix or refuse the framing, the NUL bytes and
 * the odd charsets): every answer is the endpoint's own refusal, never a 500. PostgreSQL is the database that
 * refuses NUL bytes, so the PostgreSQL run is the one that reproduced each defect.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class BadInputIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("badinput", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> OAUTH_ENDPOINTS = List.of("/o/token/", "/o/revoke_token/", "/o/introspect/");

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private RawHttp http;
    private RegisteredClient client;
    private String staffToken;
    private String readToken;
    private long staffId;
    private String username;

    @BeforeEach
    void setUp() {
        TestData data = new TestData(database());
        username = "edge" + UUID.randomUUID().toString().substring(0, 8);
        staffId = data.user(username, "edge-pass-1", true, false);
        client = data.passwordClient("edge-" + UUID.randomUUID());
        http = new RawHttp(URI.create("http://127.0.0.1:" + app().getLocalPort()), 10_000);
        OAuthClient oauth = new OAuthClient(app().client(), "http://127.0.0.1:" + app().getLocalPort());
        String basic = OAuthClient.basic(client.client().clientId(), client.plainSecret());
        Form password = new Form().param("grant_type", "password").param("username", username)
                .param("password", "edge-pass-1");
        staffToken = oauth.token(basic, password).body().get("access_token").asText();
        readToken = oauth.token(basic, new Form(password.asMap()).param("scope", "read")).body().get("access_token").asText();
    }

    @Test
    void nulInBasicClientIdIsInvalidClientOnEveryOAuthEndpoint() throws Exception {
        String header = "Basic " + Base64.getEncoder().encodeToString(
                ("ab%00c:" + client.plainSecret()).getBytes(StandardCharsets.UTF_8));
        for (String path : OAUTH_ENDPOINTS) {
            RawHttp.Reply reply = send("POST", path, FORM, "grant_type=client_credentials&token=x", header);
            assertOAuthError(reply, 401, "invalid_client");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        }
    }

    @Test
    void nulInFormFieldsIsInvalidRequestOnEveryOAuthEndpoint() throws Exception {
        for (String path : OAUTH_ENDPOINTS) {
            assertOAuthError(send("POST", path, FORM, "grant_type=password&token=x&client_id=ab%00c", null),
                    400, "invalid_request");
        }
        String basic = OAuthClient.basic(client.client().clientId(), client.plainSecret());
        assertOAuthError(send("POST", "/o/token/", FORM, "grant_type=password&username=a%00b&password=x", basic),
                400, "invalid_request");
        assertOAuthError(send("POST", "/o/revoke_token/", FORM, "token=ab%00c", basic), 400, "invalid_request");
        assertOAuthError(send("POST", "/o/introspect/", FORM, "token=ab%01c", basic), 400, "invalid_request");
        assertOAuthError(send("POST", "/o/token/", FORM, "grant_type=refresh_token&refresh_token=%1b", basic),
                400, "invalid_request");
    }

    @Test
    void nulInTheSignInFormShowsTheFormWithItsError() throws Exception {
        String csrf = "edge" + "0123456789".repeat(4).substring(1);
        RawHttp.Reply reply = send("POST", "/accounts/login/", FORM,
                "csrf_token=" + csrf + "&username=" + username + "%00&password=edge-pass-1", null,
                "Cookie: tollgate_csrf=" + csrf);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.text()).contains("Please enter a correct username and password").contains("<form");
    }

    @Test
    void nulInTheApplicationFormIsAFormError() throws Exception {
        String csrf = "edge" + "0123456789".repeat(4).substring(1);
        RawHttp.Reply signedIn = send("POST", "/accounts/login/", FORM,
                "csrf_token=" + csrf + "&username=" + username + "&password=edge-pass-1", null,
                "Cookie: tollgate_csrf=" + csrf);
        assertThat(signedIn.status()).isEqualTo(303);
        String session = signedIn.header("Set-Cookie").replaceAll(".*(tollgate_session=[^;]*).*", "$1");
        String newCsrf = signedIn.header("Set-Cookie").replaceAll(".*tollgate_csrf=([^;]*).*", "$1");
        RawHttp.Reply reply = send("POST", "/o/applications/register/", FORM, "csrf_token=" + newCsrf
                        + "&name=app%00x&client_type=confidential&grant_types=password&redirect_uris=", null,
                "Cookie: " + session + "; tollgate_csrf=" + newCsrf);
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.text()).contains("Null characters are not allowed.").contains("<form");
    }

    @Test
    void nulInAnAuthorizationRequestIsTheErrorPageNotA500() throws Exception {
        RawHttp.Reply reply = send("GET", "/o/authorize/?response_type=code&client_id=ab%00c", null, "", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void nulInUsersApiFieldsIsAFieldError() throws Exception {
        String bearer = "Bearer " + staffToken;
        JsonNode form = json(send("POST", "/users/", FORM, "username=a%00b&password=x", bearer), 400);
        assertThat(form.get("username").get(0).asText()).isEqualTo("Null characters are not allowed.");
        JsonNode body = json(send("PATCH", "/users/" + staffId + "/", "application/json",
                "{\"first_name\": \"a\\u0000b\", \"email\": \"x\\u0000@example.com\"}", bearer), 400);
        assertThat(body.has("first_name")).isTrue();
        assertThat(body.has("email")).isTrue();
        JsonNode group = json(send("POST", "/groups/", "application/json", "{\"name\": \"g\\u0000\"}", bearer), 400);
        assertThat(group.get("name").get(0).asText()).isEqualTo("Null characters are not allowed.");
        RawHttp.Reply pathId = send("GET", "/users/%00/", null, "", bearer);
        assertThat(pathId.status()).isIn(400, 404);
        assertThat(pathId.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void unknownCharsetsAre415OnTheApiAndInvalidRequestOnOAuth() throws Exception {
        for (String charset : List.of("latin-1", "zlib", "rot13", "nonexistent")) {
            JsonNode api = json(send("POST", "/users/", FORM + "; charset=" + charset, "username=x",
                    "Bearer " + staffToken), 415);
            assertThat(api.get("detail").asText()).startsWith("Unsupported media type");
            assertThat(json(send("PATCH", "/users/" + staffId + "/", "application/json; charset=" + charset, "{}",
                    "Bearer " + staffToken), 415).has("detail")).isTrue();
            for (String path : OAUTH_ENDPOINTS) {
                assertOAuthError(send("POST", path, FORM + "; charset=" + charset, "grant_type=password", null),
                        400, "invalid_request");
            }
            assertThat(send("POST", "/accounts/login/", FORM + "; charset=" + charset, "username=x", null).status())
                    .isEqualTo(415);
        }
    }

    @Test
    void truncatedOrMalformedChunkedBodiesAre400() throws Exception {
        for (String chunks : List.of("5\r\ngrant", "zz\r\nabc\r\n0\r\n\r\n", "ffffffffffffffffff\r\nx\r\n",
                "3;ext=\u0000\r\nabc\r\n0\r\n\r\n")) {
            // Jetty refuses some framing itself ({"detail"}), the rest reaches the edge filter (the endpoint's own JSON).
            JsonNode api = json(chunked("/users/", "application/json", chunks, "Bearer " + staffToken), 400);
            assertThat(api.has("detail")).as(chunks).isTrue();
            JsonNode oauth = json(chunked("/o/token/", FORM, chunks, null), 400);
            assertThat(oauth.has("error") ? oauth.get("error").asText() : oauth.get("detail").asText())
                    .isIn("invalid_request", "Bad Request.");
            assertThat(chunked("/accounts/login/", FORM, chunks, null).status()).isEqualTo(400);
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400() throws Exception {
        byte[] request = ("POST /users/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + staffToken
                + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"usern")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply reply = http.exchange(request, true);
        assertThat(json(reply, 400).get("detail").asText()).contains("incomplete or malformed");
    }

    @Test
    void missingBodiesAreFieldErrors() throws Exception {
        String bearer = "Bearer " + staffToken;
        for (String[] call : List.of(new String[]{"POST", "/users/"}, new String[]{"PATCH", "/users/" + staffId + "/"},
                new String[]{"PUT", "/users/" + staffId + "/"}, new String[]{"POST", "/groups/"})) {
            JsonNode body = json(send(call[0], call[1], null, "", bearer), 400);
            assertThat(body.get("non_field_errors").get(0).asText()).as(call[0] + " " + call[1])
                    .isEqualTo("No data provided");
        }
        JsonNode emptyForm = json(send("POST", "/users/", FORM, "", bearer), 400);
        assertThat(emptyForm.get("username").get(0).asText()).isEqualTo("This field is required.");
    }

    @Test
    void theApiRootNeedsAUsersToken() throws Exception {
        RawHttp.Reply anonymous = send("GET", "/", null, "", null);
        json(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
        RawHttp.Reply bad = send("GET", "/", null, "", "Bearer not-a-token");
        json(bad, 401);
        assertThat(bad.header("WWW-Authenticate")).startsWith("Bearer realm=\"api\", error=\"invalid_token\"");
        JsonNode root = json(send("GET", "/", null, "", "Bearer " + readToken), 200);
        assertThat(root.get("users").asText()).isEqualTo("http://127.0.0.1/users/");
        assertThat(root.get("groups").asText()).isEqualTo("http://127.0.0.1/groups/");
    }

    @Test
    void credentialsOfOtherSchemesAre401InvalidTokenEverywhereInTheApi() throws Exception {
        for (String scheme : List.of("Basic YWRtaW46YWRtaW4=", "Digest username=\"admin\", response=\"0\"",
                "JWT eyJhbGciOiJub25lIn0.e30.", "MAC id=\"x\", nonce=\"y\", mac=\"z\"", "Bearer")) {
            for (String path : List.of("/", "/users/", "/users/" + staffId + "/", "/groups/")) {
                RawHttp.Reply reply = send("GET", path, null, "", scheme);
                json(reply, 401);
                assertThat(reply.header("WWW-Authenticate")).as(scheme + " " + path)
                        .startsWith("Bearer realm=\"api\", error=\"invalid_token\"");
            }
        }
    }

    @Test
    void optionsOnTheApiIsDrfMetadata() throws Exception {
        JsonNode list = json(send("OPTIONS", "/users/", null, "", "Bearer " + staffToken), 200);
        assertThat(list.get("name").asText()).isEqualTo("User List");
        assertThat(list.has("description")).isTrue();
        assertThat(list.get("renders").get(0).asText()).isEqualTo("application/json");
        assertThat(list.get("parses").toString()).contains("application/json", FORM);
        assertThat(list.get("actions").get("POST").get("username").get("required").asBoolean()).isTrue();
        JsonNode item = json(send("OPTIONS", "/users/" + staffId + "/", null, "", "Bearer " + staffToken), 200);
        assertThat(item.get("actions").has("PUT")).isTrue();
        // A read-only token may not write, so it is not shown how.
        assertThat(json(send("OPTIONS", "/users/", null, "", "Bearer " + readToken), 200).has("actions")).isFalse();
        assertThat(json(send("OPTIONS", "/groups/", null, "", "Bearer " + staffToken), 200).get("actions")
                .get("POST").has("name")).isTrue();
        assertThat(json(send("OPTIONS", "/", null, "", "Bearer " + readToken), 200).get("name").asText())
                .isEqualTo("Api Root");
        json(send("OPTIONS", "/users/", null, "", null), 401);
    }

    @Test
    void optionsOnOAuthPathsIsAnAllowHeaderAndNoContent() throws Exception {
        for (String path : List.of("/o/token/", "/o/revoke_token/", "/o/introspect/", "/o/token",
                "/.well-known/oauth-authorization-server")) {
            RawHttp.Reply reply = send("OPTIONS", path, null, "", null);
            assertThat(reply.status()).as(path).isEqualTo(204);
            assertThat(reply.body()).isEmpty();
            assertThat(reply.header("Allow")).contains(path.startsWith("/.well") ? "GET" : "POST");
        }
    }

    @Test
    void oversizedBodiesAre413InEachEndpointsShape() throws Exception {
        String huge = "grant_type=password&username=" + "a".repeat(70 * 1024);
        for (String path : OAUTH_ENDPOINTS) {
            assertOAuthError(send("POST", path, FORM, huge, null), 413, "invalid_request");
            assertOAuthError(chunked(path, FORM, Integer.toHexString(huge.length()) + "\r\n" + huge + "\r\n0\r\n\r\n",
                    null), 413, "invalid_request");
        }
        JsonNode api = json(send("POST", "/users/", FORM, huge, "Bearer " + staffToken), 413);
        assertThat(api.has("detail")).isTrue();
    }

    private RawHttp.Reply send(String method, String target, String contentType, String body, String authorization,
                               String... extraHeaders) throws Exception {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 || contentType != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n").append(body);
        return http.exchange(request.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    private RawHttp.Reply chunked(String path, String contentType, String chunks, String authorization)
            throws Exception {
        String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks;
        return http.exchange(request.getBytes(StandardCharsets.UTF_8), true);
    }

    private static JsonNode json(RawHttp.Reply reply, int status) throws Exception {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        return JSON.readTree(reply.body());
    }

    private static void assertOAuthError(RawHttp.Reply reply, int status, String error) throws Exception {
        JsonNode body = json(reply, status);
        assertThat(body.get("error").asText()).as(reply.text()).isEqualTo(error);
        assertThat(body.has("error_description")).isTrue();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
