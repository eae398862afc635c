package io.tollgate.oauth;

import java.util.List;
import java.util.Objects;

/**
 * One catalogue of the OAuth error codes this server may answer, with the HTTP status each goes with. A grant
 * that adds codes declares them ({@code GrantHandler.errorCodes()}); this is where their names are spelled.
 *
 * @param code   the {@code error} member, as the RFC spells it
 * @param status the HTTP status of a token-endpoint (or resource) answer carrying it
 */
public record OAuthError(String code, int status) {

    // RFC 6749 §4.1.2.1, §5.2
    public static final OAuthError INVALID_REQUEST = new OAuthError("invalid_request", 400);
    public static final OAuthError INVALID_CLIENT = new OAuthError("invalid_client", 401);
    public static final OAuthError INVALID_GRANT = new OAuthError("invalid_grant", 400);
    public static final OAuthError UNAUTHORIZED_CLIENT = new OAuthError("unauthorized_client", 400);
    public static final OAuthError UNSUPPORTED_GRANT_TYPE = new OAuthError("unsupported_grant_type", 400);
    public static final OAuthError INVALID_SCOPE = new OAuthError("invalid_scope", 400);
    public static final OAuthError ACCESS_DENIED = new OAuthError("access_denied", 400);
    public static final OAuthError UNSUPPORTED_RESPONSE_TYPE = new OAuthError("unsupported_response_type", 400);
    public static final OAuthError SERVER_ERROR = new OAuthError("server_error", 500);
    public static final OAuthError TEMPORARILY_UNAVAILABLE = new OAuthError("temporarily_unavailable", 503);
    // RFC 6750 §3.1
    public static final OAuthError INVALID_TOKEN = new OAuthError("invalid_token", 401);
    public static final OAuthError INSUFFICIENT_SCOPE = new OAuthError("insufficient_scope", 403);
    // RFC 7009 §2.2.1
    public static final OAuthError UNSUPPORTED_TOKEN_TYPE = new OAuthError("unsupported_token_type", 400);
    // RFC 8628 §3.5
    public static final OAuthError AUTHORIZATION_PENDING = new OAuthError("authorization_pending", 400);
    public static final OAuthError SLOW_DOWN = new OAuthError("slow_down", 400);
    public static final OAuthError EXPIRED_TOKEN = new OAuthError("expired_token", 400);

    public static final List<OAuthError> ALL = List.of(INVALID_REQUEST, INVALID_CLIENT, INVALID_GRANT,
            UNAUTHORIZED_CLIENT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE, ACCESS_DENIED, UNSUPPORTED_RESPONSE_TYPE,
            SERVER_ERROR, TEMPORARILY_UNAVAILABLE, INVALID_TOKEN, INSUFFICIENT_SCOPE, UNSUPPORTED_TOKEN_TYPE,
            AUTHORIZATION_PENDING, SLOW_DOWN, EXPIRED_TOKEN);

    public OAuthError {
        Objects.requireNonNull(code, "code");
    }

    /** This error with a client-safe description, ready to throw. */
    public OAuthException exception(String description) {
        return new OAuthException(code, description, status, false);
    }

    @Override
    public String toString() {
        return code;
    }
}
