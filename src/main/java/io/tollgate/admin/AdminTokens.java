package io.tollgate.admin;

import io.tollgate.admin.AdminQueries.TokenKind;
import io.tollgate.admin.AdminQueries.TokenRow;
import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.event.TokensRevokedByOperator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An operator's revocations and application switches, shared by the console pages, the admin tasks and the
 * command line: each changes the database, forgets the node's cached checks, and records who did it.
 *
 * <p>{@code source} says through what: "admin_console", "admin_task", "command".
 *
 * @param events told how many tokens each action revoked (the revocation metrics); the audit event is ours
 */
public record AdminTokens(AdminQueries queries, TokenCacheInvalidation cache, AuditLog audit, Clock clock,
                          ProtocolEventPublisher events) {
    public int revokeUserTokens(AuditParty actor, long userId, String username, String source) {
        Instant now = clock.instant();
        int count = queries.revokeUserTokens(userId, now);
        cache.forgetUser(userId);
        revoked(TokensRevokedByOperator.ofUser(now, source, count, userId));
        audit.record(AuditEvent.of("admin.token.revoked", AuditOutcome.SUCCESS).actor(actor)
                .subject(AuditParty.user(userId, username)).detail("source", source).detail("scope", "user")
                .detail("count", count).at(now));
        return count;
    }

    public int revokeApplicationTokens(AuditParty actor, long applicationId, String clientId, String source) {
        Instant now = clock.instant();
        int count = queries.revokeApplicationTokens(applicationId, now);
        cache.forgetClient(applicationId);
        revoked(TokensRevokedByOperator.ofClient(now, source, count, applicationId));
        audit.record(AuditEvent.of("admin.token.revoked", AuditOutcome.SUCCESS).actor(actor).client(clientId)
                .subject(AuditParty.application(applicationId, clientId)).detail("source", source)
                .detail("scope", "application").detail("count", count).at(now));
        return count;
    }

    /** Revokes one token; empty when there is no such token, else whether this call revoked it. */
    public Optional<Boolean> revokeToken(AuditParty actor, TokenKind kind, long id, String source) {
        Instant now = clock.instant();
        Optional<TokenRow> token = queries.findToken(kind, id, now);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        boolean changed = queries.revokeToken(kind, id, now);
        TokenRow row = token.get();
        revoked(TokensRevokedByOperator.ofFamily(now, source, changed ? 1 : 0, row.familyId()));
        // The cache is keyed by token hash; forgetting the family is wider than needed and always enough.
        cache.forgetFamily(row.familyId());
        audit.record(AuditEvent.of("admin.token.revoked", AuditOutcome.SUCCESS).actor(actor).client(row.clientId())
                .subject(AuditParty.token(id, kind.name().toLowerCase(java.util.Locale.ROOT)))
                .detail("source", source).detail("scope", "token").detail("family", row.familyId())
                .detail("user", row.username()).detail("changed", changed).at(now));
        return Optional.of(changed);
    }

    /**
     * Disables an application: it can no longer authenticate or be authorized, and its tokens are revoked (so
     * enabling it again does not bring them back). How many tokens it revoked; empty when there is no such
     * application.
     */
    public OptionalInt disableApplication(AuditParty actor, long applicationId, String clientId, String source) {
        Instant now = clock.instant();
        if (!queries.setDisabled(applicationId, now)) {
            return OptionalInt.empty();
        }
        int revoked = queries.revokeApplicationTokens(applicationId, now);
        cache.forgetClient(applicationId);
        revoked(TokensRevokedByOperator.ofClient(now, source, revoked, applicationId));
        audit.record(AuditEvent.of("admin.application.disabled", AuditOutcome.SUCCESS).actor(actor).client(clientId)
                .subject(AuditParty.application(applicationId, clientId)).detail("source", source)
                .detail("tokens_revoked", revoked).at(now));
        return OptionalInt.of(revoked);
    }

    public boolean enableApplication(AuditParty actor, long applicationId, String clientId, String source) {
        Instant now = clock.instant();
        if (!queries.setDisabled(applicationId, null)) {
            return false;
        }
        audit.record(AuditEvent.of("admin.application.enabled", AuditOutcome.SUCCESS).actor(actor).client(clientId)
                .subject(AuditParty.application(applicationId, clientId)).detail("source", source).at(now));
        return true;
    }

    /** Other nodes' caches learn of it through the event (this node's already forgot, above). */
    private void revoked(TokensRevokedByOperator event) {
        if (event.count() > 0) {
            events.publish(event);
        }
    }
}
