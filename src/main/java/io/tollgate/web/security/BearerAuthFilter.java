package io.tollgate.web.security;

import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.resource.BearerChallenge;
import io.tollgate.oauth.resource.TokenValidation;
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
    public static final String REALM = BearerChallenge.API_REALM;
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
            if (request.getUriInfo().getQueryParameters().containsKey(OAuthCredentialAuthFilter.OAUTH_ACCESS_TOKEN_PARAM)) {
                throw unauthorized(BearerChallenge.error(REALM, OAuthError.INVALID_REQUEST,
                        "Send the access token in the Authorization header, not in the URL."));
            }
            throw unauthorized(BearerChallenge.missing(REALM));
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            throw unauthorized(BearerChallenge.error(REALM, OAuthError.INVALID_TOKEN,
                    TokenValidation.Failure.INVALID.description()));
        }
        try {
            delegate.filter(request);
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() != 401) {
                throw refused;
            }
            TokenValidation.Failure why = authenticator.explainFailure(token);
            throw unauthorized(BearerChallenge.error(REALM, OAuthError.INVALID_TOKEN, why.description()));
        }
    }

    private static WebApplicationException unauthorized(BearerChallenge challenge) {
        return new WebApplicationException(Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge.headerValue())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(NOT_PROVIDED))
                .build());
    }
}
