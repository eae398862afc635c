package io.tollgate.audit;

import java.time.Instant;

/**
 * Filters for reading the audit trail; every field is optional (null: no filter).
 *
 * @param user   a username or a numeric user id; matches events where that user is the actor or the subject
 * @param client a client_id; matches events involving that client
 * @param type   an exact type, or a prefix ending in "." ("token." for every token event)
 */
public record AuditQuery(Instant from, Instant to, String user, String client, String type, AuditOutcome outcome) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

    public static AuditQuery forUser(long userId) {
        return new AuditQuery(null, null, Long.toString(userId), null, null, null);
    }

    public Long userId() {
        return user != null && user.matches("[0-9]{1,18}") ? Long.valueOf(user) : null;
    }

    public boolean typeIsPrefix() {
        return type != null && type.endsWith(".");
    }
}
