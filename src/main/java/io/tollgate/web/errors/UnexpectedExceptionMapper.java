package io.tollgate.web.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line: anything unexpected is logged with an id and answered as JSON without internals.
 * A database that cannot be reached is a 503 (the client may retry), not a 500.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    private final WebApplicationExceptionMapper webErrors;

    public UnexpectedExceptionMapper(WebApplicationExceptionMapper webErrors) {
        this.webErrors = webErrors;
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web) {
            return webErrors.toResponse(web);
        }
        String errorId = String.format("%016x", ThreadLocalRandom.current().nextLong());
        if (isDatabaseUnavailable(exception)) {
            LOG.error("Database unavailable (error id {}): {}", errorId, exception.toString());
            return Response.fromResponse(ErrorResponses.detail(503, "The service is temporarily unavailable."))
                    .header("Retry-After", "5")
                    .build();
        }
        LOG.error("Unexpected error (error id {})", errorId, exception);
        return ErrorResponses.detail(500, "A server error occurred (error id " + errorId + ").");
    }

    /**
     * Jdbi's ConnectionException means no connection could be had; SQL state class 08 is "connection
     * exception"; pool time-outs surface as SQLTransientConnectionException or tomcat's PoolExhaustedException.
     */
    static boolean isDatabaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getClass().getName().equals("org.apache.tomcat.jdbc.pool.PoolExhaustedException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
