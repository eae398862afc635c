package io.tollgate.web.errors;

import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.resource.BearerChallenge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import java.util.Optional;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey's own errors (no route, wrong method, wrong media type …) in DRF's JSON shape and texts. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    /**
     * Request property holding the {@link ScopeSet} a refused request needed; the scope check sets it, so that
     * the 403 names them in its insufficient_scope challenge.
     */
    public static final String REQUIRED_SCOPES = "tollgate.requiredScopes";

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        Response.ResponseBuilder response = Response.fromResponse(ErrorResponses.detail(status, detailFor(status)));
        if (exception instanceof NotAllowedException) {
            response.allow(original.getAllowedMethods());
        }
        insufficientScopeChallenge(status).ifPresent(challenge -> response.header(HttpHeaders.WWW_AUTHENTICATE, challenge));
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.WWW_AUTHENTICATE) || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    /** RFC 6750 §3.1: a 403 for a token that lacks scope names the scopes the request needed. */
    private Optional<String> insufficientScopeChallenge(int status) {
        if (status != 403 || servletRequest == null) {
            return Optional.empty();
        }
        Object needed = servletRequest.getAttribute(REQUIRED_SCOPES);
        return needed instanceof ScopeSet scopes
                ? Optional.of(BearerChallenge.insufficientScope(null, null, scopes).headerValue())
                : Optional.empty();
    }

    private String detailFor(int status) {
        return switch (status) {
            case 400 -> "Malformed request.";
            case 401 -> "Authentication credentials were not provided.";
            case 403 -> "You do not have permission to perform this action.";
            case 404 -> "Not found.";
            case 405 -> "Method \"" + request.getMethod() + "\" not allowed.";
            case 406 -> "Could not satisfy the request Accept header.";
            case 413 -> "Request body too large.";
            case 415 -> "Unsupported media type \"" + mediaType() + "\" in request.";
            case 503 -> "The service is temporarily unavailable.";
            default -> {
                Response.Status type = Response.Status.fromStatusCode(status);
                yield type == null ? "Request failed." : type.getReasonPhrase() + ".";
            }
        };
    }

    private String mediaType() {
        return headers.getMediaType() == null ? "" : headers.getMediaType().toString();
    }
}
