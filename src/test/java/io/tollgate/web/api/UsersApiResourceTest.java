package io.tollgate.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.users.GroupService;
import io.tollgate.users.InMemoryGroupStore;
import io.tollgate.users.InMemoryUserStore;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserInput;
import io.tollgate.users.UserService;
import io.tollgate.web.errors.JsonProcessingExceptionMapper;
import io.tollgate.web.errors.UnexpectedExceptionMapper;
import io.tollgate.web.errors.WebApplicationExceptionMapper;
import io.tollgate.web.security.ScopeAuthorizer;
import io.tollgate.web.security.TokenPrincipal;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resources over an in-memory Jersey with a fake token check, so the HTTP mapping is proven without the
 * token endpoint. Tokens: "admin" (superuser), "staff", "alice" (ordinary, read write groups), "reader" (read).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersApiResourceTest {
    private final InMemoryUserStore userStore = new InMemoryUserStore();
    private final InMemoryGroupStore groupStore = new InMemoryGroupStore(userStore::forgetGroup);
    private final UserService users = new UserService(userStore, groupStore, new PasswordHasher(1), Clock.systemUTC());
    private final Map<String, TokenPrincipal> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    final ResourceExtension resources = ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .bootstrapLogging(false)
            .addProvider(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<TokenPrincipal>()
                    .setAuthenticator(token -> Optional.ofNullable(tokens.get(token)))
                    .setAuthorizer(new ScopeAuthorizer())
                    .setPrefix("Bearer")
                    .buildAuthFilter()))
            .addProvider(RolesAllowedDynamicFeature.class)
            .addProvider(new AuthValueFactoryProvider.Binder<>(TokenPrincipal.class))
            .addProvider(new RequestDataReader(Jackson.newObjectMapper()))
            .addProvider(new ValidationExceptionMapper())
            .addProvider(new NotFoundExceptionMapper())
            .addProvider(new PermissionDeniedExceptionMapper())
            .addProvider(new JsonProcessingExceptionMapper())
            .addProvider(new UnexpectedExceptionMapper(new WebApplicationExceptionMapper()))
            .addProvider(new WebApplicationExceptionMapper())
            .addResource(new UsersResource(users, new Pagination(2)))
            .addResource(new GroupsResource(new GroupService(groupStore), new Pagination(2)))
            .build();

    private long aliceId;
    private long staffId;

    @BeforeAll
    void seed() {
        long adminId = users.createSuperuser("admin", "admin@example.com", "adminpass").id();
        staffId = users.create(actor(adminId, true, true), UserInput.empty().withUsername("staff").withStaff(true)).id();
        aliceId = users.create(actor(adminId, true, true), UserInput.empty().withUsername("alice")
                .withPassword("alicepass").withEmail("alice@example.com")).id();
        tokens.put("admin", principal(adminId, "admin", true, true, "read write groups"));
        tokens.put("staff", principal(staffId, "staff", true, false, "read write groups"));
        tokens.put("alice", principal(aliceId, "alice", false, false, "read write groups"));
        tokens.put("reader", principal(aliceId, "alice", false, false, "read"));
        tokens.put("machine", new TokenPrincipal(9, "h", "f", "client", null, null, false, false,
                ScopeSet.parse("read write groups"), Instant.MAX));
    }

    private static io.tollgate.users.Actor actor(long id, boolean staff, boolean superuser) {
        return new io.tollgate.users.Actor(id, staff, superuser);
    }

    private static TokenPrincipal principal(long id, String name, boolean staff, boolean superuser, String scope) {
        return new TokenPrincipal(id, "hash" + id, "family", "client", id, name, staff, superuser,
                ScopeSet.parse(scope), Instant.MAX);
    }

    private Invocation.Builder as(String token, String path) {
        return as(token, path, null);
    }

    private Invocation.Builder as(String token, String path, String page) {
        var target = resources.target(path);
        return (page == null ? target : target.queryParam("page", page)).request()
                .header("Authorization", "Bearer " + token);
    }

    private static Entity<Form> form(String... pairs) {
        Form form = new Form();
        for (int i = 0; i < pairs.length; i += 2) {
            form.param(pairs[i], pairs[i + 1]);
        }
        return Entity.form(form);
    }

    @Test
    void retrieveWithAndWithoutTrailingSlash() {
        for (String path : List.of("/users/" + aliceId + "/", "/users/" + aliceId)) {
            try (Response response = as("alice", path).get()) {
                assertThat(response.getStatus()).as(path).isEqualTo(200);
                JsonNode body = response.readEntity(JsonNode.class);
                assertThat(body.get("username").asText()).isEqualTo("alice");
                assertThat(body.get("url").asText()).endsWith("/users/" + aliceId + "/");
                assertThat(body.has("password")).isFalse();
                assertThat(body.toString()).doesNotContain("pbkdf2");
            }
        }
        for (String path : List.of("/users/", "/users")) {
            try (Response response = as("alice", path).get()) {
                assertThat(response.getStatus()).as(path).isEqualTo(200);
                assertThat(response.readEntity(JsonNode.class).get("count").asLong()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void userRepresentationHasDrfKeysInOrder() {
        try (Response response = as("alice", "/users/" + aliceId + "/").get()) {
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.fieldNames()).toIterable().containsExactly("url", "id", "username", "email",
                    "first_name", "last_name", "is_staff", "is_active", "groups");
        }
    }

    @Test
    void unknownAndNonNumericIdsAre404() {
        for (String path : List.of("/users/999/", "/users/abc/", "/users/abc", "/groups/999", "/users/99999999999999999999/")) {
            try (Response response = as("admin", path).get()) {
                assertThat(response.getStatus()).as(path).isEqualTo(404);
                assertThat(response.readEntity(JsonNode.class).get("detail").asText()).isEqualTo("Not found.");
            }
        }
    }

    @Test
    void formCreateAsInTheTutorialThenJsonPatch() {
        long groupId;
        try (Response response = as("staff", "/groups/").post(form("name", "form-made"))) {
            assertThat(response.getStatus()).isEqualTo(201);
            groupId = response.readEntity(JsonNode.class).get("id").asLong();
        }
        String groupUrl;
        try (Response response = as("staff", "/groups/" + groupId + "/").get()) {
            groupUrl = response.readEntity(JsonNode.class).get("url").asText();
        }
        long id;
        try (Response response = as("staff", "/users/").post(form("username", "foo", "password", "bar",
                "groups", groupUrl, "is_active", "on"))) {
            assertThat(response.getStatus()).isEqualTo(201);
            JsonNode body = response.readEntity(JsonNode.class);
            id = body.get("id").asLong();
            assertThat(response.getLocation().toString()).isEqualTo(body.get("url").asText());
            assertThat(body.get("groups")).hasSize(1);
            assertThat(body.get("groups").get(0).asText()).isEqualTo(groupUrl);
            assertThat(body.has("password")).isFalse();
        }
        assertThat(users.authenticate("foo", "bar")).isPresent();
        try (Response response = as("staff", "/users/" + id).method("PATCH",
                Entity.json("{\"first_name\":\"Foo\",\"groups\":[]}"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.get("first_name").asText()).isEqualTo("Foo");
            assertThat(body.get("username").asText()).isEqualTo("foo");
            assertThat(body.get("groups")).isEmpty();
        }
        try (Response response = as("staff", "/users/" + id + "/").delete()) {
            assertThat(response.getStatus()).isEqualTo(204);
        }
        try (Response response = as("staff", "/users/" + id + "/").get()) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
    }

    @Test
    void validationMessagesAreDrfs() {
        try (Response response = as("staff", "/users/").post(Entity.json(
                "{\"username\":\"bad name!\",\"email\":\"nope\",\"is_staff\":\"maybe\",\"groups\":[\"http://elsewhere.example/groups/1/\"]}"))) {
            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.get("is_staff").get(0).asText()).isEqualTo("Must be a valid boolean.");
            assertThat(body.get("groups").get(0).asText()).isEqualTo("Invalid hyperlink - No URL match.");
        }
        try (Response response = as("staff", "/users/").post(Entity.json("{\"username\":\"bad name!\",\"email\":\"nope\"}"))) {
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.get("username").get(0).asText()).startsWith("Enter a valid username.");
            assertThat(body.get("email").get(0).asText()).isEqualTo("Enter a valid email address.");
        }
        try (Response response = as("staff", "/users/").post(Entity.json("{\"username\":\"alice\"}"))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(JsonNode.class).get("username").get(0).asText())
                    .isEqualTo("A user with that username already exists.");
        }
        try (Response response = as("staff", "/users/").post(Entity.json("{}"))) {
            assertThat(response.readEntity(JsonNode.class).get("username").get(0).asText())
                    .isEqualTo("This field is required.");
        }
    }

    @Test
    void bodyMustBeAnObjectOfAKnownMediaType() {
        try (Response response = as("staff", "/users/").post(Entity.json("[1,2]"))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(JsonNode.class).get("non_field_errors").get(0).asText())
                    .isEqualTo("Invalid data. Expected a dictionary, but got list.");
        }
        try (Response response = as("staff", "/users/").post(Entity.json("{\"username\":"))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(JsonNode.class).get("detail").asText()).startsWith("JSON parse error");
        }
        try (Response response = as("staff", "/users/").post(Entity.text("username=x"))) {
            assertThat(response.getStatus()).isEqualTo(415);
            assertThat(response.readEntity(JsonNode.class).get("detail").asText())
                    .isEqualTo("Unsupported media type \"text/plain\" in request.");
        }
    }

    @Test
    void paginationLinks() {
        for (int i = 0; i < 3; i++) {
            try (Response ignored = as("staff", "/groups/").post(Entity.json("{\"name\":\"page-" + i + "\"}"))) {
                assertThat(ignored.getStatus()).isEqualTo(201);
            }
        }
        JsonNode first;
        try (Response response = as("alice", "/groups/").get()) {
            first = response.readEntity(JsonNode.class);
        }
        long count = first.get("count").asLong();
        assertThat(count).isGreaterThanOrEqualTo(3);
        assertThat(first.get("results")).hasSize(2);
        assertThat(first.get("previous").isNull()).isTrue();
        assertThat(first.get("next").asText()).endsWith("/groups/?page=2");
        try (Response response = as("alice", "/groups/", "2").get()) {
            JsonNode second = response.readEntity(JsonNode.class);
            assertThat(second.get("previous").asText()).endsWith("/groups/");
        }
        for (String page : List.of("0", "x", "999", "-1")) {
            try (Response response = as("alice", "/groups/", page).get()) {
                assertThat(response.getStatus()).as(page).isEqualTo(404);
                assertThat(response.readEntity(JsonNode.class).get("detail").asText()).isEqualTo("Invalid page.");
            }
        }
    }

    @Test
    void ordinaryUserChangesOnlyThemselvesAndNoFlags() {
        try (Response response = as("alice", "/users/" + aliceId + "/").method("PATCH", form("last_name", "Liddell"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(JsonNode.class).get("last_name").asText()).isEqualTo("Liddell");
        }
        try (Response response = as("alice", "/users/" + aliceId + "/").method("PATCH", Entity.json("{\"is_staff\":true}"))) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.readEntity(JsonNode.class).get("detail").asText())
                    .isEqualTo("You do not have permission to perform this action.");
        }
        try (Response response = as("alice", "/users/" + staffId + "/").put(Entity.json("{\"username\":\"staff\"}"))) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        try (Response response = as("alice", "/users/").post(Entity.json("{\"username\":\"newbie\"}"))) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        try (Response response = as("alice", "/users/" + staffId).delete()) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
    }

    @Test
    void scopesAndMissingTokens() {
        try (Response response = resources.target("/users/").request().get()) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
        try (Response response = as("reader", "/users/").get()) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
        try (Response response = as("reader", "/groups/").get()) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        try (Response response = as("reader", "/users/").post(form("username", "x", "password", "y"))) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        try (Response response = as("machine", "/users/").get()) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
    }

    @Test
    void groupPutPatchAndDelete() {
        long id;
        try (Response response = as("staff", "/groups").post(Entity.json("{\"name\":\"ops\"}"))) {
            id = response.readEntity(JsonNode.class).get("id").asLong();
        }
        try (Response response = as("staff", "/groups/" + id).put(form("name", "operations"))) {
            assertThat(response.readEntity(JsonNode.class).get("name").asText()).isEqualTo("operations");
        }
        try (Response response = as("staff", "/groups/" + id + "/").method("PATCH", Entity.json("{}"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(JsonNode.class).get("name").asText()).isEqualTo("operations");
        }
        try (Response response = as("alice", "/groups/" + id + "/").method("PATCH", Entity.json("{}"))) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        try (Response response = as("staff", "/groups/" + id + "/").put(Entity.json("{\"name\":\"\"}"))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(JsonNode.class).get("name").get(0).asText())
                    .isEqualTo("This field may not be blank.");
        }
        try (Response response = as("staff", "/groups/" + id).delete()) {
            assertThat(response.getStatus()).isEqualTo(204);
        }
    }
}
