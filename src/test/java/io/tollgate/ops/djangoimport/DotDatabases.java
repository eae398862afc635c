package io.tollgate.ops.djangoimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.testing.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DOT databases made by scripts/make-dot-database.py with Debian's Django OAuth Toolkit: the reference system's
 * own code writes the rows the import reads.
 */
final class DotDatabases {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("scripts/make-dot-database.py");

    private DotDatabases() {
    }

    /**
     * Which Django OAuth Toolkit writes the database: the machine's Debian 12 one, or a newer Debian's unpacked by
     * scripts/fetch-dot-release (pure Python, put on PYTHONPATH). No Debian suite carries DOT 2.x: its schema is
     * DOT 3.0.1's database with DOT's own migrations undone to 0010, the last of 2.x.
     *
     * @param suite        the Debian suite fetch-dot-release takes it from; null: the machine's own packages
     * @param migrateBack  the oauth2_provider migration to undo DOT's schema to after the rows are made, or null
     * @param found        what importdjango should say it found
     */
    enum Release {
        DOT_1_7(null, null, "Django OAuth Toolkit 1.x"),
        DOT_2_X("trixie", "0010", "Django OAuth Toolkit 2.x (post_logout_redirect_uris, allowed_origins, "
                + "hash_client_secret)"),
        DOT_3_0("trixie", null, "Django OAuth Toolkit 3.0 (token_checksum)"),
        DOT_3_4("sid", null, "Django OAuth Toolkit 3.1+ (oauth2_provider_devicegrant, refresh token_checksum, "
                + "resource indicators, registration_source, cimd_expires_at)");

        final String suite;
        final String migrateBack;
        final String found;

        Release(String suite, String migrateBack, String found) {
            this.suite = suite;
            this.migrateBack = migrateBack;
            this.found = found;
        }

        /** make-dot-database.py's arguments after the ones naming the database. */
        List<String> args() {
            return migrateBack == null ? List.of() : List.of("--migrate-back", migrateBack);
        }
    }

    /** Skips outside CI when Debian's DOT (or the newer release's download) is missing; fails under CI=true. */
    static void requireDot(Release release) {
        boolean available = available() && (release.suite == null || pythonPath(release) != null);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assumeTrue(available || ci, "/usr/bin/python3 with django-oauth-toolkit " + release + " not available; "
                + "skipped outside CI");
        assertThat(available).as("CI=true requires Debian's python3-django-oauth-toolkit (see .ci/run) and "
                + "scripts/fetch-dot-release for " + release).isTrue();
    }

    static void requireDot() {
        requireDot(Release.DOT_1_7);
    }

    static JsonNode sqlite(Path file, String variant) {
        return run(Release.DOT_1_7, "--sqlite", file.toString(), "--variant", variant);
    }

    static JsonNode sqlite(Path file, Release release) {
        List<String> args = new ArrayList<>(List.of("--sqlite", file.toString()));
        args.addAll(release.args());
        return run(release, args.toArray(String[]::new));
    }

    /** The benchmark's database, small: DOT's schema, then users and live token pairs by plain SQL. */
    static JsonNode bulk(Path file, int users, int tokens) {
        return run(Release.DOT_1_7, "--sqlite", file.toString(), "--bulk-users", String.valueOf(users),
                "--bulk-tokens", String.valueOf(tokens));
    }

    static void notDot(Path file) {
        run(Release.DOT_1_7, "--sqlite", file.toString(), "--not-dot");
    }

    static JsonNode postgres(String name) {
        return postgres(name, Release.DOT_1_7);
    }

    /** Creates database {@code name} on the test PostgreSQL server; drop it with {@link #dropPostgres}. */
    static JsonNode postgres(String name, Release release) {
        String url = PostgresServer.url().replaceAll("\\?.*", "");
        String hostPort = url.replaceFirst("jdbc:postgresql://", "").replaceFirst("/.*", "");
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        List<String> args = new ArrayList<>(List.of("--postgres", name, "--pg-host", host, "--pg-port", port,
                "--pg-user", PostgresServer.user()));
        args.addAll(release.args());
        return run(release, args.toArray(String[]::new));
    }

    /** The folder fetch-dot-release unpacked the release into (fetching it the first time), or null. */
    private static String pythonPath(Release release) {
        try {
            Process process = new ProcessBuilder("scripts/fetch-dot-release", release.suite)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(300, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The JDBC URL importdjango is given for that database. */
    static String postgresUrl(String name) {
        String base = PostgresServer.url().replaceAll("\\?.*", "");
        return base.substring(0, base.lastIndexOf('/') + 1) + name + "?user=" + PostgresServer.user();
    }

    static void dropPostgres(String name) {
        try (Connection connection = DriverManager.getConnection(PostgresServer.url(), PostgresServer.user(),
                PostgresServer.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + name, e);
        }
    }

    private static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import oauth2_provider, argon2, bcrypt")
                    .redirectErrorStream(true).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode run(Release release, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("make-dot", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            if (release.suite != null) {
                builder.environment().put("PYTHONPATH", pythonPath(release));
            }
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("make-dot-database.py failed: " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
