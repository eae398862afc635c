package io.tollgate.oauth.cleanup;

import java.util.List;
import java.util.Objects;

/**
 * A kind of row the purge removes. A value, so a part with rows of its own (device codes) adds a kind with its
 * store ({@code AuthorizationServer.Builder.purge}) instead of editing a list here.
 *
 * @param label        used in log lines, task and command output, and metric names
 * @param sessionCutoff due after the session idle timeout rather than after the retention
 */
public record PurgeKind(String label, boolean sessionCutoff) {
    public static final PurgeKind ACCESS_TOKENS = new PurgeKind("access_tokens", false);
    public static final PurgeKind REFRESH_TOKENS = new PurgeKind("refresh_tokens", false);
    public static final PurgeKind AUTHORIZATION_CODES = new PurgeKind("authorization_codes", false);
    /** Browser sign-in sessions past their idle timeout; kept for no retention, an ended session has no use. */
    public static final PurgeKind SESSIONS = new PurgeKind("sessions", true);

    /**
     * The built-in kinds, in the order they must go: access tokens before refresh tokens, because deleting a
     * refresh token cascades to the access tokens issued with it, and a live access token must never go that way.
     */
    public static final List<PurgeKind> STANDARD = List.of(ACCESS_TOKENS, REFRESH_TOKENS, AUTHORIZATION_CODES,
            SESSIONS);

    public PurgeKind {
        Objects.requireNonNull(label, "label");
    }

    /** The kind as a constant is named, e.g. ACCESS_TOKENS. */
    @Override
    public String toString() {
        return label.toUpperCase(java.util.Locale.ROOT);
    }
}
