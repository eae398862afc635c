package io.tollgate.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** createsuperuser and changepassword run in-process through Dropwizard's Cli, as `java -jar` would run them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserCommandsTest {
    private final TestDatabase database = TestDatabase.h2("commands");

    @TempDir
    Path dir;

    private Path config;

    @BeforeAll
    void writeConfig(@TempDir Path tmp) throws IOException {
        config = configFor(tmp, database.url());
    }

    private static Path configFor(Path dir, String url) throws IOException {
        String yaml = Files.readString(Path.of(TestApp.CONFIG)).replace("url: jdbc:h2:mem:unused", "url: \"" + url + "\"");
        Path file = Files.createTempFile(dir, "commands", ".yml");
        Files.writeString(file, yaml);
        return file;
    }

    private record Run(Optional<Throwable> failure, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        Bootstrap<TollgateConfiguration> bootstrap = new Bootstrap<>(new TollgateApplication());
        bootstrap.addCommand(new CreateSuperuserCommand(Clock.systemUTC(), () -> PasswordInput.of(input(stdin))));
        bootstrap.addCommand(new ChangePasswordCommand(Clock.systemUTC(), () -> PasswordInput.of(input(stdin))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Optional<Throwable> failure = new Cli(new JarLocation(getClass()), bootstrap, out, err).run(args);
        return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String storedHash(String username) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT password, is_superuser, is_staff FROM auth_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) + (rs.getBoolean(2) && rs.getBoolean(3) ? " super" : " plain") : null;
            }
        }
    }

    @Test
    void createsASuperuserWithThePipedPassword() throws SQLException {
        Run run = run("s3cret pass\n", "createsuperuser", "--username", "root", "--email", "root@example.com",
                config.toString());
        assertThat(run.failure()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(storedHash("root")).startsWith("pbkdf2_sha256$1000$").endsWith(" super");

        Run again = run("other\n", "createsuperuser", "--username", "root", config.toString());
        assertThat(again.failure()).isPresent();
        assertThat(again.err()).isEqualTo("Error: username: A user with that username already exists.\n");
    }

    @Test
    void blankOrMissingPasswordIsRefused() throws SQLException {
        Run blank = run("\n", "createsuperuser", "--username", "blank", config.toString());
        assertThat(blank.failure()).isPresent();
        assertThat(blank.err()).isEqualTo("Error: Blank passwords aren't allowed.\n");
        Run none = run("", "createsuperuser", "--username", "none", config.toString());
        assertThat(none.err()).isEqualTo("Error: no password on standard input (pipe it in, one line).\n");
        assertThat(storedHash("blank")).isNull();
        assertThat(storedHash("none")).isNull();
    }

    @Test
    void invalidUsernameIsOneLine() {
        Run run = run("pw\n", "createsuperuser", "--username", "no spaces", config.toString());
        assertThat(run.failure()).isPresent();
        assertThat(run.err()).startsWith("Error: username: Enter a valid username.").hasLineCount(1);
    }

    @Test
    void changesThePasswordOfAnExistingUser() throws SQLException {
        assertThat(run("first\n", "createsuperuser", "--username", "changer", config.toString()).failure()).isEmpty();
        String before = storedHash("changer");
        Run run = run("second\n", "changepassword", "--username", "changer", config.toString());
        assertThat(run.failure()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(storedHash("changer")).startsWith("pbkdf2_sha256$").isNotEqualTo(before);
    }

    @Test
    void changePasswordOfUnknownUserFails() {
        Run run = run("pw\n", "changepassword", "--username", "ghost", config.toString());
        assertThat(run.failure()).isPresent();
        assertThat(run.err()).isEqualTo("Error: user 'ghost' does not exist.\n");
    }

    @Test
    void unmigratedDatabaseIsOneLine() throws IOException {
        Path fresh = configFor(dir, "jdbc:h2:mem:unmigrated" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Run run = run("pw\n", "createsuperuser", "--username", "x", fresh.toString());
        assertThat(run.failure()).isPresent();
        assertThat(run.err()).startsWith("Error: The database is not migrated").contains("db migrate").hasLineCount(1);
    }

    @Test
    void unreachableDatabaseIsOneLine() throws IOException {
        Path nowhere = configFor(dir, "jdbc:postgresql://127.0.0.1:1/nowhere");
        Run run = run("pw\n", "changepassword", "--username", "x", nowhere.toString());
        assertThat(run.failure()).isPresent();
        assertThat(run.err()).startsWith("Error: ").hasLineCount(1).doesNotContain("\tat ");
    }

    @Test
    void registeredInTheApplicationWithHelp() throws Exception {
        Bootstrap<TollgateConfiguration> bootstrap = new Bootstrap<>(new TollgateApplication());
        new TollgateApplication().initialize(bootstrap);
        for (String command : new String[] {"createsuperuser", "changepassword"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Optional<Throwable> failure = new Cli(new JarLocation(getClass()), bootstrap, out, new ByteArrayOutputStream())
                    .run(command, "--help");
            assertThat(failure).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--username").contains("standard input");
        }
    }
}
