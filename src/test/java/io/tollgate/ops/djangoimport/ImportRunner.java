package io.tollgate.ops.djangoimport;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs importdjango in-process through Dropwizard's Cli, as `java -jar tollgate.jar importdjango` runs it. */
final class ImportRunner {
    record Run(Optional<Throwable> failure, String out, String err) {
    }

    private final Path config;

    ImportRunner(TestDatabase database, Path dir) throws IOException {
        String yaml = Files.readString(Path.of(TestApp.CONFIG))
                .replace("url: jdbc:h2:mem:unused", "url: \"" + database.url() + "\"")
                .replace("user: sa", "user: \"" + database.user() + "\"")
                .replace("password: \"\"", "password: \"" + database.password() + "\"");
        this.config = Files.writeString(dir.resolve("import-" + System.nanoTime() + ".yml"), yaml);
    }

    /** Importing is one process at a time, as System.out is swapped for the run. */
    static synchronized Run runCli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        // A running DropwizardAppExtension passes its ConfigOverrides as dw.* system properties, which would
        // point this command at the app's database instead of the one in its config file.
        java.util.Properties saved = new java.util.Properties();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("dw."))
                .forEach(name -> saved.setProperty(name, System.getProperty(name)));
        saved.stringPropertyNames().forEach(System::clearProperty);
        try {
            TollgateApplication application = new TollgateApplication();
            Bootstrap<TollgateConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Optional<Throwable> failure = new Cli(new JarLocation(ImportRunner.class), bootstrap, out, err).run(args);
            return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            saved.stringPropertyNames().forEach(name -> System.setProperty(name, saved.getProperty(name)));
        }
    }

    /** The configuration file the import runs with. */
    Path config() {
        return config;
    }

    Run run(String source, String... options) {
        List<String> args = new ArrayList<>(List.of("importdjango", "--source", source));
        args.addAll(List.of(options));
        args.add(config.toString());
        return runCli(args.toArray(String[]::new));
    }
}
