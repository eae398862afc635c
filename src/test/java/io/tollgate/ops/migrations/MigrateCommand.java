package io.tollgate.ops.migrations;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real `db` commands in their own JVM (as `java -jar tollgate.jar db ...` would), against config.yml. */
final class MigrateCommand {
    private final String url;
    private final String user;
    private final String password;

    MigrateCommand(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Starts `db <args> config.yml`; output goes to a temp file, read by {@link #output}. */
    Process start(String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "io.tollgate.TollgateApplication", "db"));
        command.addAll(List.of(args));
        command.add("config.yml");
        File log = Files.createTempFile("tollgate-db-", ".log").toFile();
        log.deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log));
        builder.environment().put("DATABASE_URL", url);
        builder.environment().put("DATABASE_USER", user);
        builder.environment().put("DATABASE_PASSWORD", password);
        builder.environment().put("LOG_LEVEL", "INFO");
        Process process = builder.start();
        logs.put(process, log.toPath());
        return process;
    }

    /** Runs the command to its end (at most the timeout) and returns its exit code and output. */
    Result run(long timeoutSeconds, String... args) throws Exception {
        long started = System.nanoTime();
        Process process = start(args);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("db " + String.join(" ", args) + " still running after " + timeoutSeconds
                    + " s:\n" + output(process));
        }
        return new Result(process.exitValue(), output(process), (System.nanoTime() - started) / 1_000_000);
    }

    String output(Process process) throws Exception {
        return Files.readString(logs.get(process));
    }

    private final java.util.Map<Process, Path> logs = new java.util.concurrent.ConcurrentHashMap<>();

    record Result(int exitCode, String output, long millis) {
    }
}
