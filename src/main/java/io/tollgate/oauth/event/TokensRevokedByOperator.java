package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * An operator revoked tokens (admin console, admin task, command line): all of a user's, all of an application's,
 * or one token's grant. The operator's own audit event, with the actor, is written where the action is taken; this
 * one feeds the metrics and tells every node's token cache (exactly one of the three ids is set).
 *
 * @param source "admin_console", "admin_task" or "command" (what the operator used)
 * @param count  how many tokens this revoked
 */
public record TokensRevokedByOperator(Instant at, String source, int count, Long userId, Long clientDbId,
                                      String familyId) implements ProtocolEvent {

    public static TokensRevokedByOperator ofUser(Instant at, String source, int count, long userId) {
        return new TokensRevokedByOperator(at, source, count, userId, null, null);
    }

    public static TokensRevokedByOperator ofClient(Instant at, String source, int count, long clientDbId) {
        return new TokensRevokedByOperator(at, source, count, null, clientDbId, null);
    }

    public static TokensRevokedByOperator ofFamily(Instant at, String source, int count, String familyId) {
        return new TokensRevokedByOperator(at, source, count, null, null, familyId);
    }
}
