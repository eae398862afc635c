package io.tollgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code check config.yml} refuses what the server would refuse at start, naming the field. */
class CheckCommandTest {

    private record Run(Optional<Throwable> failure, String out) {
    }

    private static Run check(String yaml) throws Exception {
        Path file = Files.createTempFile("tollgate-check", ".yml");
        Files.writeString(file, yaml);
        TollgateApplication application = new TollgateApplication();
        Bootstrap<TollgateConfiguration> bootstrap = new Bootstrap<>(application);
        bootstrap.addCommand(new CheckCommand<>(application));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<Throwable> failure = new Cli(new JarLocation(CheckCommandTest.class), bootstrap, out, out)
                .run("check", file.toString());
        return new Run(failure, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aZeroCleanupBatchSizeIsRefusedNamingTheField() throws Exception {
        Run run = check("database:\n  url: jdbc:h2:mem:check\ncleanup:\n  batchSize: 0\n");
        assertThat(run.failure()).isPresent();
        assertThat(run.out()).contains("cleanup.batchSize");
    }

    @Test
    void aPositiveCleanupBatchSizeIsAccepted() throws Exception {
        Run run = check("database:\n  url: jdbc:h2:mem:check\ncleanup:\n  batchSize: 1\n");
        assertThat(run.failure()).isEmpty();
    }
}
