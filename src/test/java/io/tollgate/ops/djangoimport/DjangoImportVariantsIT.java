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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema variants Debian's DOT 1.7 cannot make for real, built by hand on top of a DOT-made database
 * (scripts/make-dot-database.py --variant dot3): DOT 2.x/3.x columns, token_checksum, token_family. Also
 * input that must be refused whole (an unknown newer schema, a database that is not DOT's, a file that is not
 * SQLite) and --only.
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
        assertThat(imported.out()).contains("Django OAuth Toolkit 3.x (token_checksum)")
                .contains(": post_logout_redirect_uris").contains(": allowed_origins");
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
                + "('oauth2_provider', '0013_a_future_change', '2030-01-01 00:00:00')");
        assertRefusedWithoutWriting(newer.toString(), "Error: unknown newer schema: migration "
                + "oauth2_provider.0013_a_future_change is newer than this Tollgate knows");
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
