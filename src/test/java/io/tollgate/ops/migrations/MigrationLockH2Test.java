package io.tollgate.ops.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tollgate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/** On H2 a migration lock left set makes the next migration stop at once with the command that releases it. */
class MigrationLockH2Test {
    @Test
    @SuppressWarnings("deprecation") // the same Liquibase entry point TestDatabase uses
    void aLeftoverLockFailsAtOnceNamingTheReleaseCommand() throws Exception {
        TestDatabase database = TestDatabase.h2("miglock");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
                    + "LOCKEDBY = 'killed-host (10.0.0.9)' WHERE ID = 1");
            Database liquibaseDatabase = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase("migrations.xml", new ClassLoaderResourceAccessor(), liquibaseDatabase);

            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> liquibase.update(new Contexts()));

            assertThat((System.nanoTime() - started) / 1_000_000).as("no five-minute wait").isLessThan(10_000);
            assertThat(failure).hasStackTraceContaining("killed-host (10.0.0.9)")
                    .hasStackTraceContaining(CrashSafeLockService.RELEASE_COMMAND);
        }
    }
}
