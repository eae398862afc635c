package io.tollgate.web.api;

import io.tollgate.users.NotFoundException;
import io.tollgate.web.errors.ErrorResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 {@code {"detail": "Not found."}}; the exception's message names the record and stays in the server. */
@Provider
public class NotFoundExceptionMapper implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException exception) {
        return ErrorResponses.detail(404, exception.detail());
    }
}
