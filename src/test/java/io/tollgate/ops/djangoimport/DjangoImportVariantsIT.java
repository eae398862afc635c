package io.tollgate.ops.djangoimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DOT 3.x's columns added by hand to a DOT 1.7 database (scripts/make-dot-database.py --variant dot3; the real
 * DOT 3.0 is tested by DjangoImportDot3H2IT/PostgresIT), with half the `token` values overwritten so only
 * token_checksum finds them. Also input that must be refused whole (an unknown newer schema, a database that is
 * not DOT's, a file that is not SQLite), --only, and an import killed mid-way then run again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DjangoImportVariantsIT {
    static final TestDatabase DATABASE = TestDatabase.h2("djangoimportvariants");
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE);
    private final TestDatabase spare = TestDatabase.h2("djangoimportonly");

    private JsonNode manifest;
    private Path dot3;
    private Path dir;
    private ImportRunner.Run imported;
    private final jakarta.ws.rs.client.Client http = jakarta.ws.rs.client.ClientBuilder.newBuilder()
            .readTimeout(120, TimeUnit.SECONDS).build();

    @BeforeAll
    void build() throws IOException {
        DotDatabases.requireDot();
        dir = Files.createTempDirectory("dot-variants");
        dot3 = dir.resolve("dot3.sqlite3");
        manifest = DotDatabases.sqlite(dot3, "dot3");
        imported = new ImportRunner(DATABASE, dir).run(dot3.toString());
    }

    @AfterAll
    void close() {
        http.close();
    }

    @Test
    void aDot3DatabaseIsRecognisedAndItsChecksumsAndFamiliesAreUsed() {
        assertThat(imported.failure()).as(imported.err()).isEmpty();
        assertThat(imported.out()).contains("Django OAuth Toolkit 3.0 (token_checksum)")
                .contains(": allowed_origins").doesNotContain(": post_logout_redirect_uris");
        // Tollgate has RP-initiated logout: DOT's post-logout URIs carry over
        String postLogout = new TestData(DATABASE).jdbi().withHandle(handle -> handle.createQuery(
                "SELECT post_logout_redirect_uris FROM oauth_application WHERE name = 'Code app'")
                .mapTo(String.class).one());
        assertThat(postLogout).isEqualTo("https://app.example/bye");
        OAuthClient client = new OAuthClient(http, "http://localhost:" + APP.getLocalPort());
        int live = 0;
        for (JsonNode token : manifest.get("tokens")) {
            if (!token.get("access_token").isNull() && token.get("access_live").asBoolean()
                    && !token.get("username").isNull()) {
                // half of these rows had their `token` column overwritten: only token_checksum can find them
                assertThat(client.get("/users/", token.get("access_token").asText()).status()).isEqualTo(200);
                live++;
            }
        }
        assertThat(live).isEqualTo(6);
        TestData data = new TestData(DATABASE);
        long families = data.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM oauth_refresh_token WHERE family_id LIKE 'dot-%' AND family_id NOT LIKE 'dot-r%'")
                .mapTo(Long.class).one());
        assertThat(families).as("DOT 3's token_family becomes the Tollgate family").isEqualTo(7);
    }

    @Test
    void anUnknownNewerSchemaIsRefusedInOneLineAndNothingIsWritten() throws Exception {
        Path newer = dir.resolve("newer.sqlite3");
        Files.copy(dot3, newer);
        sqlite(newer, "INSERT INTO django_migrations (app, name, applied) VALUES "
                + "('oauth2_provider', '0023_a_future_change', '2030-01-01 00:00:00')");
        assertRefusedWithoutWriting(newer.toString(), "Error: unknown newer schema: migration "
                + "oauth2_provider.0023_a_future_change is newer than this Tollgate knows");
    }

    @Test
    void aDatabaseThatIsNotDotsIsRefusedInOneLine() throws Exception {
        Path other = dir.resolve("other.sqlite3");
        sqlite(other, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        assertRefusedWithoutWriting(other.toString(),
                "Error: not a Django OAuth Toolkit database: it has no oauth2_provider_application table");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertRefusedWithoutWriting(text.toString(), "Error: " + text + " is not a SQLite database");
        Path broken = dir.resolve("broken.sqlite3");
        Files.copy(dot3, broken);
        sqlite(broken, "ALTER TABLE oauth2_provider_accesstoken RENAME COLUMN expires TO expires_at");
        assertRefusedWithoutWriting(broken.toString(), "Error: unrecognised Django OAuth Toolkit schema: "
                + "oauth2_provider_accesstoken has no expires column");
    }

    @Test
    void onlyImportsTheNamedPartsAndLaterPartsFindTheEarlierOnes() throws Exception {
        ImportRunner runner = new ImportRunner(spare, dir);
        TestData data = new TestData(spare);
        ImportRunner.Run users = runner.run(dot3.toString(), "--only", "users");
        assertThat(users.failure()).as(users.err()).isEmpty();
        assertThat(data.count("auth_user")).as(users.out()).isEqualTo(9);
        assertThat(data.count("auth_group")).isZero();
        assertThat(data.count("oauth_application")).isZero();
        ImportRunner.Run tokensFirst = runner.run(dot3.toString(), "--only", "tokens");
        assertThat(tokensFirst.out()).contains("application not imported");
        assertThat(data.count("oauth_access_token")).isZero();
        assertThat(runner.run(dot3.toString(), "--only", "applications,tokens").failure()).isEmpty();
        assertThat(data.count("oauth_application")).isEqualTo(6);
        assertThat(data.count("oauth_access_token")).isEqualTo(7);
        assertThat(data.count("auth_group")).isZero();
        ImportRunner.Run bad = runner.run(dot3.toString(), "--only", "users,passwords");
        assertThat(bad.err().strip()).isEqualTo("Error: --only takes users, groups, applications, tokens; not passwords");
    }

    @Test
    void anImportKilledMidWayAndRunAgainEndsExactlyAsACleanRunDoes() throws Exception {
        Path bulk = dir.resolve("bulk.sqlite3");
        DotDatabases.bulk(bulk, 300, 4000);
        int batch = 200;
        TestDatabase clean = TestDatabase.external("jdbc:h2:file:" + dir.resolve("clean"));
        ImportRunner.Run cleanRun = new ImportRunner(clean, dir).run(bulk.toString(), "--batch-size", "" + batch);
        assertThat(cleanRun.failure()).as(cleanRun.err()).isEmpty();

        // WRITE_DELAY=0: H2 otherwise writes committed transactions to its file up to a second later, so a SIGKILL
        // can lose batches that were committed (the re-run would import them again; this test counts them).
        TestDatabase killed = TestDatabase.external("jdbc:h2:file:" + dir.resolve("killed") + ";WRITE_DELAY=0");
        ImportRunner runner = new ImportRunner(killed, dir);
        // A separate JVM, as an operator runs it, killed with SIGKILL (no shutdown hook, no rollback of its own)
        // while it writes refresh tokens.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tollgate.TollgateApplication", "importdjango",
                "--source", bulk.toString(), "--batch-size", "" + batch, runner.config().toString())
                .redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("refresh tokens: 30%")) {
                    process.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(seen.toString()).isEqualTo(137);
        TestData killedData = new TestData(killed);
        long refreshWritten = killedData.count("oauth_refresh_token");
        assertThat(killedData.count("auth_user")).as("users were done before the kill").isEqualTo(300);
        assertThat(refreshWritten).as("stopped mid-way").isPositive().isLessThan(2000);
        assertThat(refreshWritten % batch).as("each batch is one transaction: nothing half-written").isZero();
        assertThat(killedData.count("oauth_access_token")).isZero();

        ImportRunner.Run resumed = runner.run(bulk.toString(), "--batch-size", "" + batch);
        assertThat(resumed.failure()).as(resumed.err()).isEmpty();
        assertThat(resumed.out())
                .contains("users                imported 0, updated 0, already present 300")
                .contains("refresh tokens       imported " + (2000 - refreshWritten) + ", updated 0, already present "
                        + refreshWritten);
        for (String table : DjangoImportIT.TABLES) {
            assertThat(killedData.count(table)).as(table).isEqualTo(new TestData(clean).count(table));
        }
        for (String query : COMPARED) {
            assertThat(rows(killed, query)).as(query).isEqualTo(rows(clean, query)).isNotEmpty();
        }
    }

    /** What a user or client sees of the imported rows, without Tollgate's own ids (which may differ). */
    private static final List<String> COMPARED = List.of(
            "SELECT id, username, email, password, is_active, date_joined FROM auth_user ORDER BY id",
            "SELECT a.client_id, a.name, a.client_secret_hash FROM oauth_application a ORDER BY a.client_id",
            "SELECT r.token_hash, u.username, a.client_id, r.scope, r.created, r.expires, r.family_id, r.revoked "
                    + "FROM oauth_refresh_token r JOIN auth_user u ON u.id = r.user_id "
                    + "JOIN oauth_application a ON a.id = r.application_id ORDER BY r.token_hash",
            "SELECT t.token_hash, u.username, a.client_id, t.scope, t.expires, t.family_id, r.token_hash "
                    + "FROM oauth_access_token t JOIN auth_user u ON u.id = t.user_id "
                    + "JOIN oauth_application a ON a.id = t.application_id "
                    + "LEFT JOIN oauth_refresh_token r ON r.id = t.refresh_token_id ORDER BY t.token_hash");

    private static List<List<Object>> rows(TestDatabase database, String query) {
        return new TestData(database).jdbi().withHandle(handle -> handle.createQuery(query)
                .map((rs, ctx) -> {
                    List<Object> row = new java.util.ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.add(value instanceof java.time.OffsetDateTime time ? time.toInstant() : value);
                    }
                    return row;
                }).list());
    }

    private void assertRefusedWithoutWriting(String source, String error) throws IOException {
        ImportRunner runner = new ImportRunner(spare, dir);
        TestData data = new TestData(spare);
        Map<String, Long> before = counts(data);
        ImportRunner.Run run = runner.run(source);
        assertThat(run.failure()).isPresent();
        assertThat(run.err().strip()).startsWith(error).doesNotContain("\n").doesNotContain("\tat ");
        assertThat(counts(data)).isEqualTo(before);
    }

    private static Map<String, Long> counts(TestData data) {
        Map<String, Long> out = new LinkedHashMap<>();
        DjangoImportIT.TABLES.forEach(table -> out.put(table, data.count(table)));
        return out;
    }

    private static void sqlite(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
