package io.tollgate.ops.djangoimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.core.Form;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DOT database made by DOT itself is imported into a running Tollgate, then used as its users and clients
 * would use it: every user signs in with their Django password, every client with its DOT secret, every live
 * token keeps working and every expired one does not. On H2 the DOT database is a SQLite file, on PostgreSQL a
 * database of its own on the test server; each DOT release makes both (1.7, 2.x's schema by 3.0.1's own migrations
 * undone, 3.0.1, 3.4.1).
 */
// Access tokens are checked before the refresh test rotates (and so revokes) them.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "[{0}, {1}]")
@MethodSource("databasesAndReleases")
class DjangoImportIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("djangoimport", TestApp::start);
    @Parameter(0)
    TestDatabase.Kind kind;
    /** Which DOT writes the source database: Debian 12's 1.7, 13's 3.0.1, sid's 3.4.1 (scripts/fetch-dot-release). */
    @Parameter(1)
    DotDatabases.Release release;

    static Stream<Arguments> databasesAndReleases() {
        return Stream.of(TestDatabase.Kind.values()).flatMap(kind -> Stream.of(DotDatabases.Release.values())
                .map(release -> Arguments.of(kind, release)));
    }

    static final List<String> TABLES = List.of("auth_user", "auth_group", "auth_user_groups", "oauth_application",
            "oauth_access_token", "oauth_refresh_token", "oauth_authorization_code");

    private final String name = "dotimport_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private Path file;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    /** Builds the DOT database and returns its manifest; {@link #source()} names it afterwards. */
    JsonNode makeDotDatabase(Path dir) {
        if (kind == TestDatabase.Kind.POSTGRES) {
            return DotDatabases.postgres(name, release);
        }
        file = dir.resolve("dot.sqlite3");
        return release == DotDatabases.Release.DOT_1_7 ? DotDatabases.sqlite(file, "dot1")
                : DotDatabases.sqlite(file, release);
    }

    String source() {
        return kind == TestDatabase.Kind.POSTGRES ? DotDatabases.postgresUrl(name) : file.toString();
    }

    void dropDotDatabase() {
        if (kind == TestDatabase.Kind.POSTGRES) {
            DotDatabases.dropPostgres(name);
        }
    }

    DotDatabases.Release release() {
        return release;
    }

    JsonNode manifest;
    TestData data;
    long nativeUserId;
    Map<String, Long> before;
    ImportRunner.Run dryRun;
    Map<String, Long> afterDryRun;
    ImportRunner.Run first;
    Map<String, Long> afterFirst;
    ImportRunner.Run second;
    Map<String, Long> afterSecond;

    @BeforeParameterizedClassInvocation
    void importOnce() throws IOException {
        http = newHttp();
        DotDatabases.requireDot(release());
        Path dir = Files.createTempDirectory("dot-import");
        manifest = makeDotDatabase(dir);
        data = new TestData(database());
        // Takes id 1, so DOT's user 1 (admin) must get another id.
        nativeUserId = data.user("tollgate-native", "native-pass-123", false, false);
        ImportRunner runner = new ImportRunner(database(), dir);
        before = counts();
        dryRun = runner.run(source(), "--dry-run");
        afterDryRun = counts();
        first = runner.run(source());
        afterFirst = counts();
        second = runner.run(source());
        afterSecond = counts();
    }

    @AfterParameterizedClassInvocation
    void dropSource() {
        if (http != null) {
            http.close();
        }
        if (manifest != null) {
            dropDotDatabase();
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        TABLES.forEach(table -> out.put(table, data.count(table)));
        return out;
    }

    // Argon2 with Django's 100 MiB and two slow PBKDF2 checks per test user: a shared 2-core machine needs
    // more than the test client's default read timeout.
    // One per invocation: JUnit keeps this instance for the next database's invocation, and the last closes it.
    private jakarta.ws.rs.client.Client http;

    private static jakarta.ws.rs.client.Client newHttp() {
        return jakarta.ws.rs.client.ClientBuilder.newBuilder()
                .connectTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .readTimeout(120, java.util.concurrent.TimeUnit.SECONDS).build();
    }

    OAuthClient client() {
        return new OAuthClient(http, "http://localhost:" + app().getLocalPort());
    }

    JsonNode application(String name) {
        for (JsonNode app : manifest.get("applications")) {
            if (app.get("name").asText().equals(name)) {
                return app;
            }
        }
        throw new AssertionError("no application " + name);
    }

    List<JsonNode> users(String expect) {
        List<JsonNode> out = new ArrayList<>();
        manifest.get("users").forEach(user -> {
            if (user.get("expect").asText().equals(expect)) {
                out.add(user);
            }
        });
        return out;
    }

    String storedPassword(String username) {
        return data.jdbi().withHandle(handle -> handle.createQuery("SELECT password FROM auth_user WHERE username = :u")
                .bind("u", username).mapTo(String.class).one());
    }

    @Test
    void theDryRunPrintsThePlanAndWritesNothing() {
        assertThat(dryRun.failure()).as(dryRun.err()).isEmpty();
        assertThat(afterDryRun).isEqualTo(before);
        assertThat(dryRun.out()).contains("Plan (dry run: nothing was written):")
                .contains("users                to import 9");
    }

    @Test
    void theImportSaysWhatItFoundAndWhatItLeftOut() {
        assertThat(first.failure()).as(first.err()).isEmpty();
        assertThat(first.out()).contains("Found: Django 3.1+ auth schema (auth migration 0012), " + release().found)
                .contains("users                imported 9, updated 0, already present 0, skipped 1")
                .contains("'bad user': username may contain only letters")
                .contains("md5user (md5)")
                .contains("grant type implicit is not offered by Tollgate")
                .contains("client secret shorter than 32 characters")
                .contains("http://insecure.example/cb: Plain http is allowed only for loopback")
                .contains("2 group and user permission assignments")
                .contains("user admin: 1 -> ");
        assertThat(afterFirst.get("auth_user")).isEqualTo(before.get("auth_user") + 9);
        long applications = manifest.get("applications").findValuesAsText("expect").stream()
                .filter("imported"::equals).count();
        assertThat(applications).as("DOT 3.1+ adds a device-code application").isEqualTo(
                release == DotDatabases.Release.DOT_3_4 ? 7 : 6);
        assertThat(afterFirst.get("oauth_application")).isEqualTo(before.get("oauth_application") + applications);
    }

    @Test
    void postLogoutUrisCarryOverAndDot31sNewFeaturesAreMappedOrLeftOutWithAReason() {
        String postLogout = data.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT post_logout_redirect_uris FROM oauth_application WHERE client_id = :c")
                .bind("c", application("Code app").get("client_id").asText()).mapTo(String.class).one());
        if (release == DotDatabases.Release.DOT_1_7) {
            assertThat(postLogout).isEmpty();
        } else {
            assertThat(postLogout).isEqualTo("https://app.example/bye");
            assertThat(first.out()).contains("(post-logout): http://insecure.example/bye: Plain http")
                    .contains(": allowed_origins");
        }
        if (release != DotDatabases.Release.DOT_3_4) {
            assertThat(first.out()).doesNotContain("device grants").doesNotContain(TokenImport.RESOURCE_BOUND);
            return;
        }
        assertThat(manifest.get("token_storage").asText()).isEqualTo("checksum only");
        // one refresh token, one access token and one code, each with its own count line
        assertThat(first.out().split(Pattern.quote("skipped 1: " + TokenImport.RESOURCE_BOUND), -1)).hasSize(4);
        JsonNode bound = manifest.get("codes").get(2);
        assertThat(bound.get("resource_bound").asBoolean()).isTrue();
        assertThat(rowsWithHash("oauth_authorization_code", "code_hash", bound.get("code").asText())).isZero();
        assertThat(first.out()).contains("device grants        imported 0, updated 0, already present 0, skipped 3")
                .contains("skipped 1: " + TokenImport.DEVICE_IN_PROGRESS + " (waiting for the user)")
                .contains("skipped 1: " + TokenImport.DEVICE_IN_PROGRESS + " (approved, tokens not yet collected)")
                .contains("(CIMD client): a Client ID Metadata Document client")
                .contains(application("Service").get("client_id").asText() + ": registered by Dynamic Client "
                        + "Registration");
        String deviceGrants = data.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT grant_types FROM oauth_application WHERE client_id = :c")
                .bind("c", application("Device app").get("client_id").asText()).mapTo(String.class).one());
        assertThat(deviceGrants).isEqualTo("refresh_token urn:ietf:params:oauth:grant-type:device_code");
    }

    @Test
    void aSecondRunChangesNothingAndSaysSo() {
        assertThat(second.failure()).as(second.err()).isEmpty();
        assertThat(afterSecond).isEqualTo(afterFirst);
        assertThat(second.out()).contains("Nothing changed: everything was already in Tollgate.")
                .contains("users                imported 0, updated 0, already present 9");
    }

    @Test
    void everyUserSignsInWithTheirDjangoPasswordThroughThePasswordGrantAndIsUpgraded() {
        JsonNode app = application("Password app (plaintext)");
        List<JsonNode> usable = users("usable");
        assertThat(usable).hasSize(7);
        for (JsonNode user : usable) {
            String username = user.get("username").asText();
            String before = storedPassword(username);
            assertThat(before).as(username).startsWith(user.get("algorithm").asText() + "$");
            String token = client().passwordToken(app.get("client_id").asText(), app.get("secret").asText(), username,
                    user.get("password").asText(), "read");
            Reply me = client().get("/users/", token);
            assertThat(me.status()).as(username).isEqualTo(200);
            String after = storedPassword(username);
            assertThat(after).as(username + " is on Tollgate's PBKDF2 now").startsWith("pbkdf2_sha256$");
            if (!user.get("algorithm").asText().equals("pbkdf2_sha256")) {
                assertThat(after).as(username).isNotEqualTo(before);
            }
            // and the upgraded hash still takes the same password
            client().passwordToken(app.get("client_id").asText(), app.get("secret").asText(), username,
                    user.get("password").asText(), "read");
        }
    }

    @Test
    void usersSignInOnTheLoginPageWithTheirDjangoPassword() throws Exception {
        for (JsonNode user : users("usable")) {
            HttpResponse<String> signedIn = signIn(user.get("username").asText(), user.get("password").asText());
            assertThat(signedIn.statusCode()).as(user.get("username").asText()).isEqualTo(303);
            assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tollgate_session="));
        }
        HttpResponse<String> wrong = signIn("argonid", "not-the-password");
        assertThat(wrong.statusCode()).isNotEqualTo(303);
    }

    @Test
    void weakUnusableAndRefusedUsersCannotSignIn() {
        JsonNode app = application("Password app (plaintext)");
        for (String expect : List.of("weak", "unusable", "refused")) {
            for (JsonNode user : users(expect)) {
                String password = user.get("password").isNull() ? "anything" : user.get("password").asText();
                Reply reply = client().token(OAuthClient.basic(app.get("client_id").asText(), app.get("secret").asText()),
                        new Form().param("grant_type", "password").param("username", user.get("username").asText())
                                .param("password", password));
                assertThat(reply.status()).as(user.get("username").asText()).isEqualTo(400);
                assertThat(reply.body().get("error").asText()).isEqualTo("invalid_grant");
            }
        }
        assertThat(storedPassword("md5user")).startsWith("!");
    }

    @Test
    void everyImportedClientAuthenticatesWithItsDotSecretAndHashedOnesMoveToSha256() {
        int checked = 0;
        for (JsonNode app : manifest.get("applications")) {
            if (!app.get("expect").asText().equals("imported") || !app.get("client_type").asText().equals("confidential")) {
                continue;
            }
            String clientId = app.get("client_id").asText();
            String secret = app.get("secret").asText();
            Form unknownToken = new Form().param("token", "not-a-token");
            assertThat(client().post("/o/revoke_token/", OAuthClient.basic(clientId, secret + "x"), unknownToken).status())
                    .as(clientId + " with a wrong secret").isEqualTo(401);
            assertThat(client().post("/o/revoke_token/", OAuthClient.basic(clientId, secret), unknownToken).status())
                    .as(app.get("name").asText()).isEqualTo(200);
            String[] row = data.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT client_secret_hash, client_secret_imported FROM oauth_application WHERE client_id = :c")
                    .bind("c", clientId).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).one());
            assertThat(row[0]).as(clientId).isEqualTo(TokenHasher.sha256Hex(secret));
            assertThat(row[1]).as(clientId).isNull();
            assertThat(client().post("/o/revoke_token/", OAuthClient.basic(clientId, secret), unknownToken).status())
                    .as("again, now on SHA-256").isEqualTo(200);
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    @Order(0)
    void aGaugeCountsTheClientsStillOnAnImportedDjangoHash() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app().getAdminPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode gauge = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metrics.body())
                .get("gauges").get(ImportedSecretsWiring.GAUGE);
        assertThat(gauge.get("value").asLong()).as("Password app (hashed) and Code app").isEqualTo(2);
    }

    @Test
    @Order(1)
    void liveAccessTokensWorkAndExpiredOnesAreNotThere() {
        int live = 0;
        for (JsonNode token : manifest.get("tokens")) {
            if (token.get("access_token").isNull()) {
                continue;
            }
            String access = token.get("access_token").asText();
            Reply reply = client().get("/users/", access);
            if (token.get("access_live").asBoolean()) {
                // a client-credentials token has no user: recognised, but not allowed on the users API
                assertThat(reply.status()).as(access).isEqualTo(token.get("username").isNull() ? 403 : 200);
                live++;
            } else {
                assertThat(reply.status()).as(access).isEqualTo(401);
                assertThat(rowsWithHash("oauth_access_token", "token_hash", access)).isZero();
            }
        }
        assertThat(live).isEqualTo(7);
    }

    @Test
    @Order(2)
    void liveRefreshTokensRefreshAndAReplayRevokesTheFamily() {
        int refreshed = 0;
        for (JsonNode token : manifest.get("tokens")) {
            if (token.get("refresh_token").isNull()) {
                continue;
            }
            JsonNode app = null;
            for (JsonNode candidate : manifest.get("applications")) {
                if (candidate.get("client_id").asText().equals(token.get("client_id").asText())) {
                    app = candidate;
                }
            }
            String basic = OAuthClient.basic(app.get("client_id").asText(), app.get("secret").asText());
            Form refresh = new Form().param("grant_type", "refresh_token")
                    .param("refresh_token", token.get("refresh_token").asText());
            Reply reply = client().token(basic, refresh);
            if (!token.get("refresh_live").asBoolean()) {
                assertThat(reply.status()).as("dead refresh token").isEqualTo(400);
                continue;
            }
            assertThat(reply.status()).as(token.toString() + reply.body()).isEqualTo(200);
            String fresh = reply.body().get("access_token").asText();
            assertThat(client().get("/users/", fresh).status()).isEqualTo(200);
            if (!token.get("access_token").isNull() && token.get("access_live").asBoolean()) {
                assertThat(client().get("/users/", token.get("access_token").asText()).status())
                        .as("the DOT access token went with its refresh token").isEqualTo(401);
            }
            // replaying the DOT refresh token is reuse: the whole family, the new pair included, is revoked
            assertThat(client().token(basic, refresh).status()).isEqualTo(400);
            assertThat(client().get("/users/", fresh).status()).isEqualTo(401);
            refreshed++;
        }
        assertThat(refreshed).isEqualTo(7);
    }

    @Test
    @Order(1)
    void aRotatedRefreshTokenIsLeftOutWithItsReasonAndItsSuccessorKeepsItsFamily() {
        assertThat(first.out()).contains("skipped 1: " + TokenImport.ROTATED);
        JsonNode rotated = token("rotated");
        JsonNode successor = token("successor");
        assertThat(rowsWithHash("oauth_refresh_token", "token_hash", rotated.get("refresh_token").asText()))
                .as("DOT revoked it when it issued the successor").isZero();
        String refreshHash = TokenHasher.sha256Hex(successor.get("refresh_token").asText());
        String accessHash = TokenHasher.sha256Hex(successor.get("access_token").asText());
        Map<String, Object> refresh = data.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id, family_id FROM oauth_refresh_token WHERE token_hash = :h").bind("h", refreshHash)
                .mapToMap().one());
        Map<String, Object> access = data.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT refresh_token_id, family_id FROM oauth_access_token WHERE token_hash = :h")
                .bind("h", accessHash).mapToMap().one());
        assertThat(access.get("family_id")).isEqualTo(refresh.get("family_id"));
        assertThat(((Number) access.get("refresh_token_id")).longValue())
                .isEqualTo(((Number) refresh.get("id")).longValue());
        if (!successor.get("token_family").isNull()) {
            // DOT 3.x's token_family carries over, so both DOT generations of the chain map to one family
            assertThat(refresh.get("family_id").toString().replace("-", ""))
                    .isEqualTo("dot" + successor.get("token_family").asText().replace("-", ""));
            assertThat(successor.get("token_family").asText()).isEqualTo(rotated.get("token_family").asText());
        }
    }

    JsonNode token(String flag) {
        for (JsonNode token : manifest.get("tokens")) {
            if (token.path(flag).asBoolean(false)) {
                return token;
            }
        }
        throw new AssertionError("no " + flag + " token in the manifest");
    }

    @Test
    void aLiveCodeIsRedeemedWithItsPkceVerifierByItsHashedSecretClient() {
        JsonNode code = manifest.get("codes").get(0);
        JsonNode app = application("Code app");
        Reply reply = client().token(OAuthClient.basic(app.get("client_id").asText(), app.get("secret").asText()),
                new Form().param("grant_type", "authorization_code").param("code", code.get("code").asText())
                        .param("redirect_uri", code.get("redirect_uri").asText())
                        .param("code_verifier", code.get("verifier").asText()));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        assertThat(reply.body().get("scope").asText()).isEqualTo("read");
        JsonNode dead = manifest.get("codes").get(1);
        assertThat(rowsWithHash("oauth_authorization_code", "code_hash", dead.get("code").asText())).isZero();
    }

    @Test
    void usersKeepTheirGroupsFlagsAndIdsWhereFree() {
        JsonNode app = application("Password app (plaintext)");
        String token = client().passwordToken(app.get("client_id").asText(), app.get("secret").asText(), "admin",
                "admin-pass-1", "read groups");
        long adminId = data.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM auth_user WHERE username = 'admin'").mapTo(Long.class).one());
        assertThat(adminId).as("id 1 was taken by a Tollgate user").isNotEqualTo(1L).isNotEqualTo(nativeUserId);
        JsonNode admin = client().get("/users/" + adminId + "/", token).body();
        assertThat(admin.get("username").asText()).isEqualTo("admin");
        assertThat(admin.get("email").asText()).isEqualTo("admin@example.com");
        assertThat(admin.get("is_staff").asBoolean()).isTrue();
        assertThat(admin.get("groups")).hasSize(2);
        long sha1Id = manifest.get("users").get(1).get("id").asLong();
        assertThat(client().get("/users/" + sha1Id + "/", token).body().get("username").asText())
                .as("a free id is kept").isEqualTo("sha1user");
        assertThat(client().get("/groups/", token).body().get("count").asInt()).isEqualTo(2);
    }

    long rowsWithHash(String table, String column, String plaintext) {
        return data.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :h")
                .bind("h", TokenHasher.sha256Hex(plaintext)).mapTo(Long.class).one());
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + app().getLocalPort();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/accounts/login/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).toList());
        String body = "csrf_token=" + enc(csrf.group(1)) + "&username=" + enc(username) + "&password=" + enc(password)
                + "&next=" + enc("/o/applications/");
        return http.send(HttpRequest.newBuilder(URI.create(base + "/accounts/login/"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
