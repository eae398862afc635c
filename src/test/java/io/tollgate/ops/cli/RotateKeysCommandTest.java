package io.tollgate.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rotatekeys runs in-process through Dropwizard's Cli, as `java -jar tollgate.jar rotatekeys` would. */
class RotateKeysCommandTest {
    private final TestDatabase database = TestDatabase.h2("rotatekeys");

    private record Run(Optional<Throwable> failure, String out, String err) {
    }

    private Path config(Path dir, String keyEncryptionKeyLine) throws IOException {
        String yaml = Files.readString(Path.of(TestApp.CONFIG))
                .replace("url: jdbc:h2:mem:unused", "url: \"" + database.url() + "\"")
                .replaceAll("(?m)^  keyEncryptionKey: .*$", keyEncryptionKeyLine);
        return Files.writeString(dir.resolve("rotate.yml"), yaml);
    }

    private static synchronized Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            TollgateApplication application = new TollgateApplication();
            Bootstrap<TollgateConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Optional<Throwable> failure = new Cli(new JarLocation(RotateKeysCommandTest.class), bootstrap, out, err).run(args);
            return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static String value(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).split(" ")[0];
    }

    @Test
    void createsTheFirstKeysThenRetiresTheCurrentAndPromotesTheNext(@TempDir Path dir) throws Exception {
        Path config = config(dir, "  keyEncryptionKey: \"" + Files.readString(Path.of(TestApp.CONFIG))
                .lines().filter(l -> l.startsWith("  keyEncryptionKey:")).findFirst().orElseThrow()
                .split("\"")[1] + "\"");

        Run first = run("rotatekeys", config.toString());
        assertThat(first.failure()).isEmpty();
        assertThat(first.out()).doesNotContain("retired:").contains("current: ").contains("next: ");

        Run second = run("rotatekeys", config.toString());
        assertThat(second.failure()).as(second.err()).isEmpty();
        assertThat(value(second.out(), "retired: ")).isEqualTo(value(first.out(), "current: "));
        assertThat(value(second.out(), "current: ")).isEqualTo(value(first.out(), "next: "));
        assertThat(value(second.out(), "next: ")).isNotIn(value(first.out(), "current: "), value(first.out(), "next: "));
    }

    @Test
    void aWeakKeyEncryptionKeyFailsWithOneLineThatDoesNotShowIt(@TempDir Path dir) throws Exception {
        Path config = config(dir, "  keyEncryptionKey: \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"");
        Run run = run("rotatekeys", config.toString());
        assertThat(run.failure()).isPresent();
        assertThat(run.err().strip()).startsWith("Error: OIDC_KEY_ENCRYPTION_KEY").contains("too weak")
                .doesNotContain("AAAAAAAA").doesNotContain("\tat ");
    }
}
