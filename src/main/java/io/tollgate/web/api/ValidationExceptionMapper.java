package io.tollgate.web.api;

import io.tollgate.users.ValidationException;
import io.tollgate.web.errors.ErrorResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with DRF's field map, {@code {"username": ["This field is required."]}}. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {
    @Override
    public Response toResponse(ValidationException exception) {
        return ErrorResponses.json(400, exception.errors());
    }
}
