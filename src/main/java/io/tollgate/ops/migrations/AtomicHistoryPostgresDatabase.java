package io.tollgate.ops.migrations;

import java.util.List;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.sql.visitor.SqlVisitor;

/**
 * PostgreSQL for Liquibase, with each changeset and its DATABASECHANGELOG row committed in ONE transaction.
 * Liquibase commits a changeset, then records it and commits again; a migration killed between the two leaves
 * a schema change applied but unrecorded, and every later `db migrate` fails re-running it ("relation already
 * exists"). PostgreSQL runs DDL in transactions, so the first commit is deferred to the second.
 */
public class AtomicHistoryPostgresDatabase extends PostgresDatabase {
    private boolean changeSetUnrecorded;

    @Override
    public int getPriority() {
        return super.getPriority() + 1;
    }

    @Override
    public void executeStatements(Change change, DatabaseChangeLog changeLog, List<SqlVisitor> sqlVisitors)
            throws LiquibaseException {
        changeSetUnrecorded = true;
        super.executeStatements(change, changeLog, sqlVisitors);
    }

    @Override
    public void commit() throws DatabaseException {
        if (changeSetUnrecorded) {
            return; // Liquibase commits again right after recording the changeset
        }
        super.commit();
    }

    @Override
    public void markChangeSetExecStatus(ChangeSet changeSet, ChangeSet.ExecType execType) throws DatabaseException {
        super.markChangeSetExecStatus(changeSet, execType);
        changeSetUnrecorded = false;
    }

    @Override
    public void rollback() throws DatabaseException {
        changeSetUnrecorded = false;
        super.rollback();
    }
}
