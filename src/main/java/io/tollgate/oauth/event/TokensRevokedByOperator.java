package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * An operator revoked tokens in bulk or one by one (admin console, admin task, command line). The operator's own
 * audit event, with the actor, is written where the action is taken; this one feeds metrics and caches.
 *
 * @param source "admin_console", "admin_task" or "command" (what the operator used)
 * @param count  how many tokens this revoked
 */
public record TokensRevokedByOperator(Instant at, String source, int count) implements ProtocolEvent {
}
