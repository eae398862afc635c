package io.tollgate.web.api;

import io.tollgate.users.PermissionDeniedException;
import io.tollgate.web.errors.ErrorResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 403 with DRF's text, or the service's more specific reason (deleting oneself). */
@Provider
public class PermissionDeniedExceptionMapper implements ExceptionMapper<PermissionDeniedException> {
    @Override
    public Response toResponse(PermissionDeniedException exception) {
        return ErrorResponses.detail(403, exception.detail());
    }
}
