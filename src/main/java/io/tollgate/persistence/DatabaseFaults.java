package io.tollgate.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.ConnectionException;

/**
 * Tells a database that is unavailable for now (down, restarting, frozen, overloaded; the client may retry) from
 * a bug. Only the former is a 503; the same request will work once the database is back.
 */
public final class DatabaseFaults {
    /**
     * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down),
     * 57014 query_canceled (our statement_timeout; H2's QUERY_TIMEOUT uses the same state), HYT00 H2's lock or
     * query time-out.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "HYT00");

    /**
     * 57P01 and 57P02: the server ended this connection (a shutdown); 08003 and 08006: the connection is gone or
     * broke. Each says something about one connection, which may have been closed long before it was used again.
     */
    private static final Set<String> DEAD_CONNECTION_STATES = Set.of("57P01", "57P02", "08003", "08006");

    private DatabaseFaults() {
    }

    /** Whether the error is this connection's death rather than the database's answer now (see above). */
    public static boolean isDeadConnection(Throwable error) {
        return causes(error).anyMatch(cause -> cause instanceof SQLException sql
                && DEAD_CONNECTION_STATES.contains(sql.getSQLState()));
    }

    public static boolean isUnavailable(Throwable error) {
        return reason(error).isPresent();
    }

    /**
     * Why the database is unavailable, in words for a log line or a health check, or empty when this error is
     * not an outage. Jdbi's ConnectionException: no connection could be had; SQLSTATE class 08: connection
     * exception; class 53: insufficient resources (e.g. too many connections); pool time-outs surface as
     * SQLTransientConnectionException or Tomcat's PoolExhaustedException.
     */
    public static Optional<String> reason(Throwable error) {
        return causes(error).map(DatabaseFaults::outage).flatMap(Optional::stream).findFirst()
                .or(() -> causes(error).filter(ConnectionException.class::isInstance).findFirst()
                        .map(cause -> "no connection: " + (cause.getCause() == null ? cause : cause.getCause())
                                .getMessage()));
    }

    /** What this one exception says of an outage, if it is one (the kinds above). */
    private static Optional<String> outage(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE_STATES.contains(state)) {
                return Optional.of(describe(sql));
            }
        }
        if (cause.getClass().getName().equals("org.apache.tomcat.jdbc.pool.PoolExhaustedException")) {
            return Optional.of("no free connection in the pool within the wait time (" + cause.getMessage() + ")");
        }
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
            return Optional.of(describe((SQLException) cause));
        }
        return Optional.empty();
    }

    /** The error and its causes, outermost first; a cause that names itself ends the chain. */
    private static Stream<Throwable> causes(Throwable error) {
        return Stream.iterate(error, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
    }

    private static String describe(SQLException sql) {
        String message = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage();
        return "SQLSTATE " + sql.getSQLState() + ": " + firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
