package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Which database errors mean "unavailable for now, retry" (503) and which are bugs (500). */
class DatabaseFaultsTest {
    private static Throwable wrapped(String state, String message) {
        return new UnableToExecuteStatementException(new SQLException(message, state), null);
    }

    @Test
    void connectionShutdownTimeoutAndResourceStatesAreOutages() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P02", "57P03", "57014", "53300", "HYT00"}) {
            assertThat(DatabaseFaults.isUnavailable(wrapped(state, "x"))).as(state).isTrue();
        }
        assertThat(DatabaseFaults.reason(wrapped("57P01", "FATAL: terminating connection due to administrator command\n  detail")))
                .contains("SQLSTATE 57P01: FATAL: terminating connection due to administrator command");
        assertThat(DatabaseFaults.isUnavailable(new SQLTransientConnectionException("pool"))).isTrue();
    }

    @Test
    void constraintAndSyntaxErrorsAreNot() {
        for (String state : new String[] {"23505", "23503", "42601", "22021", "40001"}) {
            assertThat(DatabaseFaults.isUnavailable(wrapped(state, "x"))).as(state).isFalse();
        }
        assertThat(DatabaseFaults.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void onlyAConnectionsOwnDeathIsADeadConnection() {
        for (String state : new String[] {"57P01", "57P02", "08003", "08006"}) {
            assertThat(DatabaseFaults.isDeadConnection(wrapped(state, "x"))).as(state).isTrue();
        }
        // Refused, starting up, timed out, out of connections: the database's answer now, not one connection's past.
        for (String state : new String[] {"08001", "57P03", "57014", "53300", "23505"}) {
            assertThat(DatabaseFaults.isDeadConnection(wrapped(state, "x"))).as(state).isFalse();
        }
        assertThat(DatabaseFaults.isDeadConnection(new IllegalStateException("bug"))).isFalse();
    }
}
