package io.tollgate.users.session;

import java.time.Instant;

/**
 * A session row joined with the current state of its user.
 *
 * @param authHash        fingerprint of the password hash when the session began
 * @param currentAuthHash fingerprint of the password hash now; they differ after a password change
 */
public record StoredSession(SignedInUser user, boolean userActive, String authHash, String currentAuthHash,
                            Instant lastSeen) {
}
