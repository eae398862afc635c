package io.tollgate.web.edge;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthException;
import io.tollgate.web.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The first look at every request, before any resource reads it: a charset Java does not know is refused (415,
 * or invalid_request on the OAuth endpoints) instead of failing deep inside a body reader; the body is read here,
 * so broken framing (a truncated chunked body, a Content-Length longer than what came) is a 400 rather than an
 * I/O error in a resource; and the OAuth endpoints' input rules run on the buffered body. It runs before any
 * other filter (even asking whether a broken chunked body is empty fails), so it applies the body-size limit to
 * what it buffers itself.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public record RequestEdgeFilter(long maxBodyBytes) implements ContainerRequestFilter {
    public static final String BROKEN_BODY = "The request body is incomplete or malformed.";
    private static final String BODY_TOO_LARGE = "The request body is too large.";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        boolean oauth = EdgePaths.isOAuthEndpoint(path);
        MediaType type = mediaType(request, oauth);
        Charset charset = charset(type, oauth);
        if (oauth) {
            OAuthInputRules.checkBasic(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        }
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge(oauth);
        }
        byte[] body = readBody(request, oauth);
        if (body.length == 0) {
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        if (oauth && type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            OAuthInputRules.checkForm(body, charset);
        }
    }

    private static MediaType mediaType(ContainerRequestContext request, boolean oauth) {
        try {
            return request.getMediaType();
        } catch (RuntimeException unparsable) {
            throw refuse(oauth, 400, "Malformed Content-Type header.");
        }
    }

    private static Charset charset(MediaType type, boolean oauth) {
        if (type == null) {
            return StandardCharsets.UTF_8;
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (!parameter.getKey().equalsIgnoreCase(MediaType.CHARSET_PARAMETER)) {
                continue;
            }
            String name = parameter.getValue();
            try {
                if (name != null && Charset.isSupported(name)) {
                    return Charset.forName(name);
                }
            } catch (IllegalArgumentException illegalName) {
                // falls through to the refusal
            }
            throw refuse(oauth, 415, "Unsupported media type \"" + type + "\" in request.");
        }
        return StandardCharsets.UTF_8;
    }

    private byte[] readBody(ContainerRequestContext request, boolean oauth) {
        try {
            if (!request.hasEntity()) {
                return new byte[0];
            }
            byte[] body = request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge(oauth);
            }
            return body;
        } catch (WebApplicationException | OAuthException tooLarge) {
            throw tooLarge;
        } catch (IOException | RuntimeException brokenFraming) {
            // Jetty reports an early EOF or a bad chunk as an IOException or a BadMessageException.
            throw refuse(oauth, 400, BROKEN_BODY);
        }
    }

    /** 413 in the endpoint's own shape: RFC 6749 JSON on the OAuth endpoints, {"detail"} elsewhere. */
    private static RuntimeException tooLarge(boolean oauth) {
        if (oauth) {
            return new OAuthException(OAuthError.INVALID_REQUEST.code(), BODY_TOO_LARGE, 413, false);
        }
        return new WebApplicationException(413);
    }

    /** OAuth endpoints answer in RFC 6749 terms (invalid_request is always 400); everything else in DRF's. */
    private static RuntimeException refuse(boolean oauth, int status, String detail) {
        if (oauth) {
            return OAuthException.invalidRequest(detail);
        }
        return new WebApplicationException(ErrorResponses.detail(status, detail));
    }
}
