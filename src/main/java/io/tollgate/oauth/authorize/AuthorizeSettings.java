package io.tollgate.oauth.authorize;

/**
 * Policy knobs of the authorization endpoint.
 *
 * @param allowPlainPkce  RFC 7636 "plain" gives no protection if the authorization request leaks, so it is refused
 *                        unless an operator needs it for an old client
 * @param rememberConsent a user who already granted the same or wider scopes to a client is not asked again
 */
public record AuthorizeSettings(boolean allowPlainPkce, boolean rememberConsent) {
    public static AuthorizeSettings defaults() {
        return new AuthorizeSettings(false, true);
    }
}
