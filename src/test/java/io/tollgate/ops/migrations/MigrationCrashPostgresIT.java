package io.tollgate.ops.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testing.PostgresServer;
import io.tollgate.testing.RequiresPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `db migrate` killed with SIGKILL while it holds Liquibase's lock, at several points of the migration: the next
 * `db migrate` must finish (releasing the stale lock), not wait five minutes and fail. Each point runs in a
 * private schema of the test PostgreSQL; the commands run in their own JVM, as an operator runs them.
 */
@ExtendWith(RequiresPostgres.class)
class MigrationCrashPostgresIT {
    /** Every changeset the changelog includes, counted from the files so a new migration needs no edit here. */
    private static final long ALL_CHANGESETS = countChangesets();

    private static long countChangesets() {
        try {
            String changelog = resource("migrations.xml");
            long count = 0;
            java.util.regex.Matcher include = java.util.regex.Pattern.compile("<include file=\"([^\"]+)\"")
                    .matcher(changelog);
            while (include.find()) {
                count += java.util.regex.Pattern.compile("<changeSet\\s").matcher(resource(include.group(1)))
                        .results().count();
            }
            return count;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws java.io.IOException {
        try (java.io.InputStream in = MigrationCrashPostgresIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** @param appliedBeforeKill how many changesets are recorded when the migration is frozen, then killed */
    @ParameterizedTest(name = "killed with {0}+ changesets applied")
    @ValueSource(ints = {0, 3, 9})
    void theNextMigrateFinishesAfterOneWasKilledHoldingTheLock(int appliedBeforeKill) throws Exception {
        String schema = "migcrash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(PostgresServer.url(), PostgresServer.user(),
                PostgresServer.password()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                MigrateCommand db = new MigrateCommand(PostgresServer.url() + (PostgresServer.url().contains("?") ? "&" : "?")
                        + "currentSchema=" + schema, PostgresServer.user(), PostgresServer.password());

                Process first = db.start("migrate");
                int applied = awaitLockedWith(admin, schema, appliedBeforeKill, first, db);
                new ProcessBuilder("kill", "-STOP", Long.toString(first.pid())).start().waitFor();
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                assertThat(first.isAlive()).isFalse();
                assertThat(isLocked(admin, schema)).as("the killed migration left its lock").isTrue();
                System.out.printf("db migrate killed holding the lock with %d changeset(s) applied%n", applied);

                MigrateCommand.Result next = db.run(120, "migrate");

                System.out.printf("next db migrate: exit %d in %d ms%n", next.exitCode(), next.millis());
                assertThat(next.exitCode()).as(next.output()).isZero();
                assertThat(next.output()).contains("Releasing a stale migration lock");
                // Liquibase alone waits 5 minutes for a lock and then fails; most of this is JVM start on a busy machine.
                assertThat(next.millis()).as("no five-minute wait for the lock").isLessThan(150_000);
                assertThat(isLocked(admin, schema)).isFalse();
                assertThat(count(admin, schema + ".databasechangelog")).isEqualTo(ALL_CHANGESETS);
            } finally {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Polls until the migration holds the lock with at least {@code applied} changesets recorded. */
    private static int awaitLockedWith(Connection admin, String schema, int applied, Process migration,
                                       MigrateCommand db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (isLocked(admin, schema)) {
                int done = changesets(admin, schema);
                if (done >= applied) {
                    return done;
                }
            }
            if (!migration.isAlive()) {
                throw new AssertionError("the migration ended before the kill point:\n" + db.output(migration));
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the migration never reached the kill point");
    }

    private static boolean isLocked(Connection admin, String schema) {
        try (Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT locked FROM " + schema + ".databasechangeloglock WHERE id = 1")) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException notCreatedYet) {
            return false;
        }
    }

    private static int changesets(Connection admin, String schema) {
        try {
            return (int) count(admin, schema + ".databasechangelog");
        } catch (SQLException notCreatedYet) {
            return 0;
        }
    }

    private static long count(Connection admin, String table) throws SQLException {
        try (Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
