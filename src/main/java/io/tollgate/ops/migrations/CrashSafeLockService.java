package io.tollgate.ops.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.StandardLockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase's changelog lock, made safe against a migration killed while holding it (kill -9, a lost host),
 * which would otherwise leave DATABASECHANGELOGLOCK set and make the next `db migrate` wait five minutes and fail.
 *
 * <p>On PostgreSQL every migrator also holds a session-scoped advisory lock (keyed by the changelog's schema)
 * for as long as it holds the changelog lock. PostgreSQL drops a session's advisory locks when its connection
 * ends, however the process died; so a migrator that obtains the advisory lock knows no live migrator exists,
 * and a changelog lock it finds set is stale: it is released, with a warning naming its holder. Caveat: a
 * migrator that does not take the advisory lock (Tollgate before this, a bare Liquibase CLI) is not seen.
 *
 * <p>Elsewhere (H2, a single node) a lock that is set makes the migration fail at once, naming the holder and
 * the command that releases it, instead of waiting five minutes.
 */
public class CrashSafeLockService extends StandardLockService {
    static final String RELEASE_COMMAND = "java -jar target/tollgate.jar db locks -r config.yml";
    private static final Logger LOG = LoggerFactory.getLogger(CrashSafeLockService.class);
    /** The advisory lock key's first half: "toll". The second is a hash of the changelog's schema. */
    private static final int KEY_SPACE = 0x746f6c6c;

    private boolean holdsSessionLock;
    private boolean releasingStaleLock;

    @Override
    public int getPriority() {
        return super.getPriority() + 1;
    }

    @Override
    public boolean supports(Database database) {
        return database.getConnection() instanceof JdbcConnection;
    }

    @Override
    public boolean acquireLock() throws LockException {
        if (hasChangeLogLock()) {
            return true;
        }
        if (!(database instanceof PostgresDatabase)) {
            if (super.acquireLock()) {
                return true;
            }
            throw new LockException("Another migration holds the database's migration lock (" + holders()
                    + "). If none is running (one was interrupted), release the lock with: " + RELEASE_COMMAND);
        }
        if (!holdsSessionLock) {
            holdsSessionLock = sessionLock("pg_try_advisory_lock");
            if (holdsSessionLock) {
                releaseStaleLock();
            }
        }
        boolean acquired = super.acquireLock();
        if (!acquired && holdsSessionLock) {
            // Someone without the advisory lock holds the changelog lock: let go, and wait like Liquibase does.
            sessionUnlock();
        }
        return acquired;
    }

    @Override
    public void releaseLock() throws LockException {
        super.releaseLock();
        if (holdsSessionLock && !releasingStaleLock) {
            sessionUnlock();
        }
    }

    private void releaseStaleLock() throws LockException {
        DatabaseChangeLogLock[] locks = listLocks();
        if (locks.length == 0) {
            return;
        }
        LOG.warn("Releasing a stale migration lock ({}): no live migration holds it; the one that took it was "
                + "interrupted.", describe(locks));
        releasingStaleLock = true;
        try {
            forceReleaseLock();
        } catch (DatabaseException e) {
            throw new LockException(e);
        } finally {
            releasingStaleLock = false;
        }
    }

    private void sessionUnlock() throws LockException {
        holdsSessionLock = false;
        sessionLock("pg_advisory_unlock");
    }

    private boolean sessionLock(String function) throws LockException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?, hashtext(?))")) {
            statement.setInt(1, KEY_SPACE);
            statement.setString(2, Objects.requireNonNullElse(database.getLiquibaseSchemaName(),
                    Objects.requireNonNullElse(database.getDefaultSchemaName(), "")));
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new LockException("Could not take the migration session lock: " + e.getMessage(), e);
        }
    }

    private String holders() {
        try {
            return describe(listLocks());
        } catch (LockException e) {
            return "holder unknown";
        }
    }

    private static String describe(DatabaseChangeLogLock[] locks) {
        return Arrays.stream(locks).map(l -> "held by " + l.getLockedBy() + " since " + l.getLockGranted())
                .collect(Collectors.joining("; "));
    }
}
