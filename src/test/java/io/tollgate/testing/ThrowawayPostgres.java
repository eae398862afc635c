package io.tollgate.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL cluster a test may stop, crash, freeze and thaw: initdb + pg_ctl from the Debian server
 * packages (/usr/lib/postgresql/N/bin), in a temp directory, on a free loopback port, trust auth. Never the
 * shared server on 5432. Under CI=true a missing initdb fails the test; elsewhere it skips it. As root (CI), the
 * cluster runs as the `postgres` user, since PostgreSQL refuses to run as root.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** initdb, start and wait until it accepts connections; skips (or fails under CI=true) without binaries. */
    public static ThrowawayPostgres start() throws Exception {
        Optional<Path> bin = serverBinaries();
        if (bin.isEmpty()) {
            String why = "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb); install the `postgresql` package";
            if (PostgresServer.required()) {
                throw new IllegalStateException("CI=true: " + why);
            }
            Assumptions.abort(why);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("tollgate-pg-");
        ThrowawayPostgres cluster = new ThrowawayPostgres(bin.get(), dir, freePort(), root);
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), 30);
        }
        cluster.pg("initdb", "-D", cluster.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync",
                "--no-instructions");
        cluster.startServer();
        return cluster;
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of database `postgres` in this cluster. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Starts the server again (after {@link #stop}) and waits until it accepts connections. */
    public void startServer() throws Exception {
        pg("pg_ctl", "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "30", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=50",
                "start");
        waitUntilReady();
    }

    /** A clean shutdown: sessions in flight are terminated (57P01), new ones refused. */
    public void stop() throws Exception {
        pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "-t", "30", "stop");
    }

    /** Stops every process of the cluster (postmaster and backends) as if the host stopped answering. */
    public void freeze() throws Exception {
        signal("-STOP");
    }

    public void thaw() throws Exception {
        signal("-CONT");
    }

    @Override
    public void close() throws Exception {
        try {
            thaw();
            pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "-t", "30", "stop");
        } catch (Exception ignored) {
            // already stopped
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void signal(String signal) throws Exception {
        long postmaster = postmasterPid();
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants()
                .forEach(child -> command.add(Long.toString(child.pid()))));
        run(command, 30);
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).strip());
    }

    private void waitUntilReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url(), user(), "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("throwaway PostgreSQL did not start; see " + dir.resolve("server.log"), last);
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void pg(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        // To a file, not a pipe: the server pg_ctl starts keeps the descriptor open for as long as it runs.
        run(command, 60, ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile()));
    }

    private static void run(List<String> command, int timeoutSeconds) throws Exception {
        run(command, timeoutSeconds, ProcessBuilder.Redirect.DISCARD);
    }

    private static void run(List<String> command, int timeoutSeconds, ProcessBuilder.Redirect output)
            throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + command);
        }
    }

    private static Optional<Path> serverBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        }
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
