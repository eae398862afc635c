package io.tollgate.web.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import io.tollgate.persistence.DatabaseFaults;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line: anything unexpected is logged with an id and answered as JSON without internals.
 * A database that is unavailable for now is a 503 (the client may retry), not a 500, shaped for the caller.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    private final WebApplicationExceptionMapper webErrors;
    @Context
    private UriInfo uriInfo;

    public UnexpectedExceptionMapper(WebApplicationExceptionMapper webErrors) {
        this.webErrors = webErrors;
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web) {
            return webErrors.toResponse(web);
        }
        return unexpected(exception, uriInfo == null ? null : uriInfo.getPath());
    }

    /**
     * The answer to a failure no mapper names, for an endpoint that runs outside Jersey as well.
     *
     * @param path as Jersey's UriInfo gives it (relative); null answers the API shape
     */
    public static Response unexpected(Throwable exception, String path) {
        String errorId = String.format("%016x", ThreadLocalRandom.current().nextLong());
        Optional<String> outage = DatabaseFaults.reason(exception);
        if (outage.isPresent()) {
            LOG.error("Database unavailable (error id {}): {}", errorId, outage.get());
            return UnavailableResponses.forPath(path);
        }
        LOG.error("Unexpected error (error id {})", errorId, exception);
        return ErrorResponses.detail(500, "A server error occurred (error id " + errorId + ").");
    }
}
