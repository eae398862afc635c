package io.tollgate.oauth.oidc;

/**
 * What the end-session endpoint does with a request (RP-Initiated Logout 1.0 §2–§4): refuse it on an error page
 * (never a redirect), ask the user to confirm, or sign out at once. Only a request whose post_logout_redirect_uri
 * is registered, exactly, for the application it names ever carries a redirect.
 */
public sealed interface LogoutDecision {

    /** Shown to the user on an error page; the message is safe to display. Nothing is signed out. */
    record Refused(String message) implements LogoutDecision {
    }

    /** Ask first: the request does not prove it comes from the application the session signed in to. */
    record Confirm(LogoutOutcome outcome) implements LogoutDecision {
    }

    /** End the session now (if there is one) and go on to the outcome. */
    record SignOut(LogoutOutcome outcome) implements LogoutDecision {
    }

    /**
     * Where the browser goes once signed out.
     *
     * @param clientId    nullable: the application the request named
     * @param clientName  nullable: its name, for the pages
     * @param redirectUri nullable: the registered post-logout redirect URI with {@code state} added; without it,
     *                    a "you are signed out" page
     */
    record LogoutOutcome(String clientId, String clientName, String redirectUri) {
    }
}
