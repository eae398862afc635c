package io.tollgate.oauth.device;

import io.tollgate.oauth.OAuthException;

/** RFC 8628 §3.5 token-endpoint answers while a device polls. All are 400s (RFC 6749 §5.2). */
final class DeviceErrors {
    static final String INVALID_CODE = "Invalid device code.";

    private DeviceErrors() {
    }

    static OAuthException authorizationPending() {
        return new OAuthException("authorization_pending", "The user has not answered yet.", 400, false);
    }

    static OAuthException slowDown() {
        return new OAuthException("slow_down", "Polling too fast; wait 5 seconds longer between requests.", 400, false);
    }

    static OAuthException expiredToken() {
        return new OAuthException("expired_token", "The device code has expired.", 400, false);
    }

    static OAuthException accessDenied() {
        return OAuthException.accessDenied("The user denied the request.");
    }

    static OAuthException invalidCode() {
        return OAuthException.invalidGrant(INVALID_CODE);
    }
}
