package io.tollgate.web.security;

import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.tollgate.web.errors.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;

/**
 * Dropwizard's {@link OAuthCredentialAuthFilter} does the authentication; this wrapper adds what RFC 6750 asks
 * of the answers and it cannot give: a missing token and a bad one are told apart (error="invalid_token" with
 * the reason), and a token in the query string is refused rather than accepted, because URLs end up in logs,
 * browser history and Referer headers (RFC 6750 §2.3, RFC 9700 §4.3.2).
 */
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {
    public static final String REALM = "api";
    static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    private static final String SCHEME = "bearer ";

    private final OAuthCredentialAuthFilter<TokenPrincipal> delegate;
    private final TokenAuthenticator authenticator;

    public BearerAuthFilter(TokenAuthenticator authenticator, ScopeAuthorizer authorizer) {
        this.authenticator = authenticator;
        this.delegate = new OAuthCredentialAuthFilter.Builder<TokenPrincipal>()
                .setAuthenticator(authenticator)
                .setAuthorizer(authorizer)
                .setPrefix("Bearer") // the builder's default is "Basic"
                .setRealm(REALM)
                .buildAuthFilter();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearerHeader = header != null && header.toLowerCase(Locale.ROOT).startsWith(SCHEME);
        if (!bearerHeader) {
            if (header != null && !header.isBlank()) {
                // Credentials of another scheme (Basic, Digest, JWT, MAC …) are invalid here, not missing.
                throw unauthorized("invalid_token", "Only Bearer tokens are accepted.");
            }
            if (request.getUriInfo().getQueryParameters().containsKey(OAuthCredentialAuthFilter.OAUTH_ACCESS_TOKEN_PARAM)) {
                throw unauthorized("invalid_request",
                        "Send the access token in the Authorization header, not in the URL.");
            }
            throw unauthorized(null, null);
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            throw unauthorized("invalid_token", TokenCheck.Failure.INVALID.description());
        }
        try {
            delegate.filter(request);
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() != 401) {
                throw refused;
            }
            TokenCheck.Failure why = authenticator.explainFailure(token);
            throw unauthorized("invalid_token", why.description());
        }
    }

    private static WebApplicationException unauthorized(String error, String description) {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        if (error != null) {
            challenge += ", error=\"" + error + "\", error_description=\"" + description + "\"";
        }
        return new WebApplicationException(Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(NOT_PROVIDED))
                .build());
    }
}
