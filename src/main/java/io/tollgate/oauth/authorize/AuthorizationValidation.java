package io.tollgate.oauth.authorize;

/**
 * What the authorization endpoint does with a request: go on, show an error page, or send an error back to the
 * client. Only requests with a known client and an exactly matching redirect_uri may ever redirect (RFC 6749
 * §4.1.2.1), otherwise the endpoint would be an open redirector.
 */
public sealed interface AuthorizationValidation {

    record Valid(AuthorizationRequest request) implements AuthorizationValidation {
    }

    /** Shown to the user; never redirected. The message is safe to display. */
    record ErrorPage(String message) implements AuthorizationValidation {
    }

    /**
     * Sent back to the client's redirect_uri as {@code error}, {@code error_description} and {@code state}, in the
     * request's response mode when it named a valid one (else query).
     */
    record RedirectError(String redirectUri, String error, String description, String state,
                         ResponseMode responseMode) implements AuthorizationValidation {
        public RedirectError {
            java.util.Objects.requireNonNull(responseMode, "responseMode");
        }

        public RedirectError(String redirectUri, String error, String description, String state) {
            this(redirectUri, error, description, state, ResponseMode.QUERY);
        }
    }
}
