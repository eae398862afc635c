package io.tollgate.web.oauth;

import io.tollgate.oauth.OAuthException;
import io.tollgate.web.errors.OAuthErrorBody;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders protocol errors as RFC 6749 §5.2 JSON, never cached, with a Basic challenge after a failed Basic login. */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {
    public static final String CLIENT_REALM = io.tollgate.oauth.resource.BearerChallenge.OAUTH_REALM;

    @Override
    public Response toResponse(OAuthException exception) {
        Response.ResponseBuilder response = Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(new OAuthErrorBody(exception.error(), exception.description()));
        if (exception.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds());
        }
        if (exception.basicChallenge()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + CLIENT_REALM + "\"");
        }
        return response.build();
    }
}
