package io.tollgate.oauth.cleanup;

/**
 * What the purge removes, in the order it must go: access tokens before refresh tokens, because deleting a
 * refresh token cascades to the access tokens issued with it, and a live access token must never go that way.
 */
public enum PurgeKind {
    ACCESS_TOKENS("access_tokens"),
    REFRESH_TOKENS("refresh_tokens"),
    AUTHORIZATION_CODES("authorization_codes"),
    /** Browser sign-in sessions past their idle timeout; kept for no retention, an ended session has no use. */
    SESSIONS("sessions");

    private final String label;

    PurgeKind(String label) {
        this.label = label;
    }

    /** Used in log lines, task and command output, and metric names. */
    public String label() {
        return label;
    }
}
