package io.tollgate.web;

import io.dropwizard.core.setup.Environment;
import io.tollgate.web.api.NotFoundExceptionMapper;
import io.tollgate.web.api.PermissionDeniedExceptionMapper;
import io.tollgate.web.api.ValidationExceptionMapper;
import io.tollgate.web.errors.ConstraintViolationExceptionMapper;
import io.tollgate.web.errors.JsonErrorHandler;
import io.tollgate.web.errors.JsonProcessingExceptionMapper;
import io.tollgate.web.errors.RequestBodyLimitFilter;
import io.tollgate.web.errors.UnexpectedExceptionMapper;
import io.tollgate.web.errors.WebApplicationExceptionMapper;
import io.tollgate.web.oauth.OAuthExceptionMapper;

/** Every error becomes JSON in the shape its endpoint promises: never an HTML page, never a stack trace. */
public final class ErrorHandling {
    private ErrorHandling() {
    }

    public static void register(Environment environment, long maxRequestBodyBytes) {
        WebApplicationExceptionMapper webErrors = new WebApplicationExceptionMapper();
        environment.jersey().register(webErrors);
        environment.jersey().register(new UnexpectedExceptionMapper(webErrors));
        environment.jersey().register(new JsonProcessingExceptionMapper());
        environment.jersey().register(new ConstraintViolationExceptionMapper());
        environment.jersey().register(new RequestBodyLimitFilter(maxRequestBodyBytes));
        environment.jersey().register(new OAuthExceptionMapper());
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new NotFoundExceptionMapper());
        environment.jersey().register(new PermissionDeniedExceptionMapper());
        environment.getApplicationContext().setErrorHandler(new JsonErrorHandler());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
    }
}
