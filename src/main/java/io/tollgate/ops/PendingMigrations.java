package io.tollgate.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.GlobalConfiguration;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Asks Liquibase which changesets of the bundled changelog the database has not run yet. */
public final class PendingMigrations {
    public static final String CHANGELOG = "migrations.xml";

    private final DataSource dataSource;

    public PendingMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The ids of the changesets still to run, in order. */
    public List<String> list() throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                return unrun(connection);
            } finally {
                // Liquibase switches auto-commit off and may leave a transaction open: a pooled connection
                // handed back like that would hold locks and swallow the next borrower's writes.
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Without the XSD validation of the changelog: it is the one bundled in this jar, which {@code db migrate}
     * validates; loading and applying the schema cost a start about 0.7 s of CPU time (measured).
     */
    private static List<String> unrun(Connection connection) throws LiquibaseException {
        try {
            return Scope.child(Map.of(GlobalConfiguration.VALIDATE_XML_CHANGELOG_FILES.getKey(), false),
                    () -> unrunChecked(connection));
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    private static List<String> unrunChecked(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // Not closed: closing the Liquibase object would close the pooled connection under us.
        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
        List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
        return pending.stream().map(ChangeSet::getId).toList();
    }

    /** Fails with a message an operator can act on when the schema is behind the code. */
    public void requireNone() throws SQLException, LiquibaseException {
        requireNone(list());
    }

    static void requireNone(List<String> pending) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("The database is not migrated: " + pending.size()
                    + " pending changeset(s), first " + pending.get(0) + ". Run: java -jar target/tollgate.jar db migrate config.yml");
        }
    }
}
