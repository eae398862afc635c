package io.tollgate.oauth.device;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthException;

/** RFC 8628 §3.5 token-endpoint answers while a device polls, from the error catalogue. All are 400s. */
final class DeviceErrors {
    static final String INVALID_CODE = "Invalid device code.";

    private DeviceErrors() {
    }

    static OAuthException authorizationPending() {
        return OAuthError.AUTHORIZATION_PENDING.exception("The user has not answered yet.");
    }

    static OAuthException slowDown() {
        return OAuthError.SLOW_DOWN.exception("Polling too fast; wait 5 seconds longer between requests.");
    }

    static OAuthException expiredToken() {
        return OAuthError.EXPIRED_TOKEN.exception("The device code has expired.");
    }

    static OAuthException accessDenied() {
        return OAuthError.ACCESS_DENIED.exception("The user denied the request.");
    }

    static OAuthException invalidCode() {
        return OAuthError.INVALID_GRANT.exception(INVALID_CODE);
    }
}
