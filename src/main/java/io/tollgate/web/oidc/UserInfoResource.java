package io.tollgate.web.oidc;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.oidc.OidcScopes;
import io.tollgate.oauth.oidc.UserInfo;
import io.tollgate.oauth.resource.AccessTokenValidator;
import io.tollgate.oauth.resource.BearerChallenge;
import io.tollgate.oauth.resource.TokenValidation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /o/userinfo/} (OIDC Core §5.3): the claims an access token with {@code openid} may see, for
 * the bearer in the Authorization header only (never a URL). Errors are RFC 6750 challenges. Any origin may call
 * it from a browser: it reads no cookie, so CORS exposes nothing a token holder could not fetch anyway.
 */
@Path("/o/userinfo{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
public record UserInfoResource(AccessTokenValidator validator, UserInfo userInfo) {
    static final String REALM = "userinfo";
    private static final String BEARER = "bearer ";

    @GET
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(authorization);
    }

    @POST
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(authorization);
    }

    @OPTIONS
    public Response preflight() {
        return cors(Response.noContent())
                .header("Access-Control-Allow-Methods", "GET, POST")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    private Response answer(String authorization) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return challenge(401, BearerChallenge.missing(REALM), null, null);
        }
        TokenValidation validation = validator.validate(token.get());
        if (!validation.isValid()) {
            String description = validation.failure().description();
            return challenge(401, BearerChallenge.error(REALM, OAuthError.INVALID_TOKEN, description),
                    OAuthError.INVALID_TOKEN, description);
        }
        AccessTokenClaims claims = validation.claims();
        if (!claims.hasUser() || !OidcScopes.isOpenId(claims.scope())) {
            String description = "The access token was not granted the openid scope for a user.";
            return challenge(403, BearerChallenge.insufficientScope(REALM, description, ScopeSet.of(OidcScopes.OPENID)),
                    OAuthError.INSUFFICIENT_SCOPE, description);
        }
        return userInfo.claims(claims.userId(), claims.clientId(), claims.scope())
                .map(body -> cors(Response.ok(body)).header(HttpHeaders.CACHE_CONTROL, "no-store").build())
                .orElseGet(() -> challenge(401, BearerChallenge.error(REALM, OAuthError.INVALID_TOKEN,
                        "The user of this token is no longer active."), OAuthError.INVALID_TOKEN,
                        "The user of this token is no longer active."));
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Response challenge(int status, BearerChallenge challenge, OAuthError error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        if (error != null) {
            body.put("error", error.code());
            body.put("error_description", description);
        } else {
            body.put("error", "invalid_request");
            body.put("error_description", "Send the access token in the Authorization header: Bearer <token>.");
        }
        return cors(Response.status(status).entity(body))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge.headerValue())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Response.ResponseBuilder cors(Response.ResponseBuilder response) {
        return response.header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "WWW-Authenticate");
    }
}
