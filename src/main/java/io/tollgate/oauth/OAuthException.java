package io.tollgate.oauth;

import java.util.Objects;

/**
 * The only exception protocol code throws: an error code from the {@link OAuthError} catalogue, a client-safe
 * description and the HTTP status. The web layer renders it; descriptions must never carry internal details.
 */
public final class OAuthException extends RuntimeException {

    private final String error;
    private final String description;
    private final int status;
    private final boolean basicChallenge;

    public OAuthException(String error, String description, int status, boolean basicChallenge) {
        // No stack trace is needed to explain a client mistake, and it is built for every bad request.
        super(error + (description == null ? "" : ": " + description), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.description = description;
        this.status = status;
        this.basicChallenge = basicChallenge;
    }

    public static OAuthException invalidRequest(String description) {
        return OAuthError.INVALID_REQUEST.exception(description);
    }

    /** RFC 6749 §5.2: 401, and the web layer adds a Basic challenge when the client tried Basic. */
    public static OAuthException invalidClient(String description, boolean basicAttempted) {
        return new OAuthException(OAuthError.INVALID_CLIENT.code(), description, OAuthError.INVALID_CLIENT.status(),
                basicAttempted);
    }

    public static OAuthException invalidGrant(String description) {
        return OAuthError.INVALID_GRANT.exception(description);
    }

    public static OAuthException unauthorizedClient(String description) {
        return OAuthError.UNAUTHORIZED_CLIENT.exception(description);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return OAuthError.UNSUPPORTED_GRANT_TYPE.exception(description);
    }

    public static OAuthException invalidScope(String description) {
        return OAuthError.INVALID_SCOPE.exception(description);
    }

    public static OAuthException accessDenied(String description) {
        return OAuthError.ACCESS_DENIED.exception(description);
    }

    public String error() {
        return error;
    }

    /** Nullable. */
    public String description() {
        return description;
    }

    public int status() {
        return status;
    }

    public boolean basicChallenge() {
        return basicChallenge;
    }
}
