package io.tollgate.ops.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On H2 a migration lock left set makes the next migration stop at once with the command that releases it. */
class MigrationLockH2Test {
    @Test
    @Timeout(120) // Liquibase's own lock service would wait 300 s here before failing
    @SuppressWarnings("deprecation") // the same Liquibase entry point TestDatabase uses
    void aLeftoverLockFailsAtOnceNamingTheReleaseCommand() throws Exception {
        // Unmigrated, so Liquibase has work to do and asks for the lock (an up-to-date database skips it).
        String url = "jdbc:h2:mem:miglock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED BOOLEAN NOT NULL, "
                    + "LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255))");
            statement.execute("INSERT INTO DATABASECHANGELOGLOCK VALUES (1, TRUE, CURRENT_TIMESTAMP, "
                    + "'killed-host (10.0.0.9)')");
            Database liquibaseDatabase = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase("migrations.xml", new ClassLoaderResourceAccessor(), liquibaseDatabase);

            Throwable failure = catchThrowable(() -> liquibase.update(new Contexts()));

            assertThat(failure).hasStackTraceContaining("killed-host (10.0.0.9)")
                    .hasStackTraceContaining(CrashSafeLockService.RELEASE_COMMAND);
        }
    }
}
