package io.tollgate.web.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON we expect is the client's mistake: 400, never 500. */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            String message = mismatch instanceof InvalidFormatException ? "Invalid value." : "Incorrect type.";
            if (field != null) {
                return ErrorResponses.json(400, java.util.Map.of(field, java.util.List.of(message)));
            }
        }
        // Jackson's original message names the position and the problem; it carries no server internals.
        return ErrorResponses.detail(400, "JSON parse error - " + exception.getOriginalMessage());
    }
}
