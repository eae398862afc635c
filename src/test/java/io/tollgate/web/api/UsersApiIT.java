package io.tollgate.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The users and groups API over HTTP against the running application, with real tokens from the password
 * grant, as the tutorial's curl commands use it. On each database.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class UsersApiIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("usersapi", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private TestData data;
    private RegisteredClient client;
    private String base;
    private String staffToken;
    private String userToken;
    private long userId;
    private String username;

    record Reply(int status, JsonNode body, String text, HttpResponse<String> raw) {
    }

    @BeforeEach
    void setUp() throws Exception {
        data = new TestData(database());
        base = "http://localhost:" + app().getLocalPort();
        client = data.passwordClient("api-" + UUID.randomUUID());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        data.user("staff" + suffix, "staff-pass", true, false);
        username = "user" + suffix;
        userId = data.user(username, "user-pass", false, false);
        staffToken = token("staff" + suffix, "staff-pass", null);
        userToken = token(username, "user-pass", null);
    }

    private String token(String user, String password, String scope) throws Exception {
        Reply reply = send("POST", "/o/token/", OAuthClient.basic(client.client().clientId(), client.plainSecret()),
                FORM, form("grant_type", "password", "username", user, "password", password)
                        + (scope == null ? "" : "&scope=" + scope));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body().get("access_token").asText();
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private Reply send(String method, String path, String authorization, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!response.body().isEmpty()) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
        }
        return new Reply(response.statusCode(), json, response.body(), response);
    }

    private Reply as(String token, String method, String path, String type, String body) throws Exception {
        Reply reply = send(method, path, "Bearer " + token, type, body);
        assertThat(reply.text()).doesNotContain("pbkdf2").doesNotContain("\"password\"");
        return reply;
    }

    /**
     * POSTs a body over the size limit. The server refuses it before reading it and closes the connection; the
     * client may still be uploading then, and the reset that the unread bytes cause can reach it before the 413
     * (seen once in CI). A client sees that as an I/O error and may send again; so does this, a few times.
     */
    private Reply oversized(String token) throws Exception {
        String body = "{\"username\":\"" + "a".repeat(70 * 1024) + "\"}";
        for (int attempt = 1; ; attempt++) {
            try {
                return as(token, "POST", "/users/", "application/json", body);
            } catch (IOException resetBeforeTheAnswer) {
                if (attempt == 3) {
                    throw resetBeforeTheAnswer;
                }
            }
        }
    }

    private Reply get(String token, String path) throws Exception {
        return as(token, "GET", path, null, null);
    }

    @Test
    void tutorialCreateWithFormThenTheNewUserLogsIn() throws Exception {
        String name = "foo" + UUID.randomUUID().toString().substring(0, 6);
        Reply created = as(staffToken, "POST", "/users/", FORM, form("username", name, "password", "bar"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).contains(base + "/users/" + id + "/");
        assertThat(created.body().get("url").asText()).isEqualTo(base + "/users/" + id + "/");
        assertThat(created.body().get("username").asText()).isEqualTo(name);

        String fooToken = token(name, "bar", null);
        Reply self = get(fooToken, "/users/" + id + "/");
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.body().get("username").asText()).isEqualTo(name);
    }

    @Test
    void listAndRetrieveWithAndWithoutTrailingSlash() throws Exception {
        for (String path : List.of("/users/", "/users")) {
            Reply list = get(userToken, path);
            assertThat(list.status()).as(path).isEqualTo(200);
            assertThat(list.body().get("count").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(list.body().has("next")).isTrue();
            assertThat(list.body().get("results").get(0).fieldNames()).toIterable()
                    .containsExactly("url", "id", "username", "email", "first_name", "last_name", "is_staff",
                            "is_active", "groups");
        }
        for (String path : List.of("/users/" + userId + "/", "/users/" + userId)) {
            Reply one = get(userToken, path);
            assertThat(one.status()).as(path).isEqualTo(200);
            assertThat(one.body().get("username").asText()).isEqualTo(username);
            assertThat(one.raw().headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void groupsCrudAndMembershipByUrlAndId() throws Exception {
        Reply group = as(staffToken, "POST", "/groups", "application/json", "{\"name\":\"g-" + UUID.randomUUID() + "\"}");
        assertThat(group.status()).isEqualTo(201);
        long groupId = group.body().get("id").asLong();
        String groupUrl = group.body().get("url").asText();
        assertThat(groupUrl).isEqualTo(base + "/groups/" + groupId + "/");

        Reply put = as(staffToken, "PUT", "/users/" + userId + "/", "application/json",
                "{\"username\":\"" + username + "\",\"email\":\"new@example.com\",\"groups\":[\"" + groupUrl + "\"]}");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.body().get("groups").get(0).asText()).isEqualTo(groupUrl);
        assertThat(put.body().get("email").asText()).isEqualTo("new@example.com");

        Reply patch = as(staffToken, "PATCH", "/users/" + userId, FORM, form("groups", String.valueOf(groupId),
                "first_name", "Ada"));
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.body().get("first_name").asText()).isEqualTo("Ada");
        assertThat(patch.body().get("groups")).hasSize(1);

        Reply renamed = as(staffToken, "PATCH", "/groups/" + groupId + "/", FORM, form("name", "renamed-" + groupId));
        assertThat(renamed.body().get("name").asText()).isEqualTo("renamed-" + groupId);
        assertThat(get(userToken, "/groups/" + groupId).status()).isEqualTo(200);

        Reply foreign = as(staffToken, "PATCH", "/users/" + userId + "/", "application/json",
                "{\"groups\":[\"http://evil.example/groups/" + groupId + "/\"]}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().get("groups").get(0).asText()).isEqualTo("Invalid hyperlink - No URL match.");

        assertThat(as(staffToken, "DELETE", "/groups/" + groupId + "/", null, null).status()).isEqualTo(204);
        assertThat(get(userToken, "/users/" + userId).body().get("groups")).isEmpty();
        assertThat(get(userToken, "/groups/" + groupId + "/").status()).isEqualTo(404);
    }

    @Test
    void validationAndDuplicates() throws Exception {
        Reply missing = as(staffToken, "POST", "/users/", "application/json", "{\"email\":\"bad\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("username").get(0).asText()).isEqualTo("This field is required.");
        assertThat(missing.body().get("email").get(0).asText()).isEqualTo("Enter a valid email address.");

        Reply duplicate = as(staffToken, "POST", "/users/", FORM, form("username", username, "password", "x"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body().get("username").get(0).asText()).isEqualTo("A user with that username already exists.");

        Reply list = as(staffToken, "POST", "/users/", "application/json", "[]");
        assertThat(list.body().get("non_field_errors").get(0).asText())
                .isEqualTo("Invalid data. Expected a dictionary, but got list.");
        Reply malformed = as(staffToken, "POST", "/users/", "application/json", "{\"username\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("detail").asText()).startsWith("JSON parse error");
        Reply text = as(staffToken, "POST", "/users/", "text/plain", "username=x");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.body().get("detail").asText()).isEqualTo("Unsupported media type \"text/plain\" in request.");
        assertThat(oversized(staffToken).status()).isEqualTo(413);
    }

    @Test
    void notFoundForUnknownAndNonNumericIds() throws Exception {
        for (String path : List.of("/users/987654321/", "/users/abc/", "/users/abc", "/groups/987654321", "/groups/x/")) {
            Reply reply = get(staffToken, path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body().get("detail").asText()).isEqualTo("Not found.");
        }
        assertThat(get(staffToken, "/users/?page=0").body().get("detail").asText()).isEqualTo("Invalid page.");
        assertThat(get(staffToken, "/users/?page=999999").status()).isEqualTo(404);
    }

    @Test
    void paginationFollowsNextAndPrevious() throws Exception {
        // test.yml keeps the page size at 100, so make enough users to need a second page.
        long count = get(staffToken, "/users/").body().get("count").asLong();
        for (long i = count; i <= 100; i++) {
            data.user("bulk" + UUID.randomUUID().toString().substring(0, 12), "p", false, false);
        }
        Reply first = get(staffToken, "/users/");
        assertThat(first.body().get("results")).hasSize(100);
        assertThat(first.body().get("previous").isNull()).isTrue();
        String next = first.body().get("next").asText();
        assertThat(next).isEqualTo(base + "/users/?page=2");
        Reply second = get(staffToken, next);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("previous").asText()).isEqualTo(base + "/users/");
        assertThat(second.body().get("count").asLong()).isEqualTo(first.body().get("count").asLong());
    }

    @Test
    void ordinaryUserEditsOnlyThemselvesWithoutFlags() throws Exception {
        Reply self = as(userToken, "PATCH", "/users/" + userId + "/", FORM, form("last_name", "Lovelace"));
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.body().get("last_name").asText()).isEqualTo("Lovelace");

        Reply flag = as(userToken, "PATCH", "/users/" + userId + "/", FORM, form("is_staff", "true"));
        assertThat(flag.status()).isEqualTo(403);
        assertThat(flag.body().get("detail").asText()).isEqualTo("You do not have permission to perform this action.");

        long other = data.user("other" + UUID.randomUUID().toString().substring(0, 8), "p", false, false);
        assertThat(as(userToken, "PUT", "/users/" + other + "/", "application/json", "{\"username\":\"hijack\"}").status())
                .isEqualTo(403);
        assertThat(as(userToken, "POST", "/users/", FORM, form("username", "nope", "password", "x")).status()).isEqualTo(403);
        assertThat(as(userToken, "DELETE", "/users/" + other + "/", null, null).status()).isEqualTo(403);
        assertThat(as(userToken, "POST", "/groups/", FORM, form("name", "nope")).status()).isEqualTo(403);

        assertThat(as(staffToken, "DELETE", "/users/" + other, null, null).status()).isEqualTo(204);
        assertThat(get(staffToken, "/users/" + other + "/").status()).isEqualTo(404);
    }

    @Test
    void readScopeReadsUsersButNotGroupsOrWrites() throws Exception {
        String read = token(username, "user-pass", "read");
        assertThat(get(read, "/users/").status()).isEqualTo(200);
        assertThat(get(read, "/groups/").status()).isEqualTo(403);
        assertThat(as(read, "PATCH", "/users/" + userId + "/", FORM, form("first_name", "x")).status()).isEqualTo(403);
        assertThat(send("GET", "/users/", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void everyResourceMethodIsTimed() throws Exception {
        get(staffToken, "/users/");
        Reply metrics = send("GET", "http://localhost:" + app().getAdminPort() + "/metrics", null, null, null);
        assertThat(metrics.text()).contains("io.tollgate.web.api.UsersResource.list")
                .contains("io.tollgate.web.api.UsersResource.partial-update")
                .contains("io.tollgate.web.api.GroupsResource.destroy");
    }
}
