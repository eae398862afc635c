package io.tollgate.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tollgate.oauth.event.AccessTokenChecked;
import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.ClientChanged;
import io.tollgate.oauth.event.ClientDeleted;
import io.tollgate.oauth.event.CodeReplayed;
import io.tollgate.oauth.event.ConsentGranted;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.LoginSucceeded;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;
import io.tollgate.oauth.event.TokenIntrospected;
import io.tollgate.oauth.event.SignedOut;
import io.tollgate.oauth.event.TokenIssued;
import io.tollgate.oauth.event.TokenRequestFailed;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.event.TokensRevokedByOperator;
import io.tollgate.oauth.event.UserChanged;
import io.tollgate.oauth.event.UserDeactivated;
import io.tollgate.oauth.event.UserDeleted;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns the core's protocol events into audit events. Events carry ids, never token values: a token is named by
 * its family (the grant) and its user and client, which is what an investigation follows. Runs on the request
 * thread but only queues (see {@link AuditWriter}), so it adds no database work to the request.
 */
public final class ProtocolAuditListener implements ProtocolEventListener {
    private final AuditLog audit;
    private final Cache<String, Boolean> recentIntrospections;

    /** Every introspection recorded. */
    public ProtocolAuditListener(AuditLog audit) {
        this(audit, Duration.ZERO);
    }

    /**
     * @param introspectionWindow a caller's introspections with the same outcome are recorded once per window; the
     *                            event names no token, so the repeats would add rows but no information
     */
    public ProtocolAuditListener(AuditLog audit, Duration introspectionWindow) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.recentIntrospections = introspectionWindow.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(introspectionWindow).maximumSize(10_000).build();
    }

    /** The anonymous party of a token request whose client authentication failed. */
    static final AuditParty UNAUTHENTICATED = new AuditParty("client", null, "(not authenticated)");
    static final AuditParty RESOURCE_SERVER = new AuditParty("resource_server", null, "resource server");

    @Override
    public void on(ProtocolEvent event) {
        if (event instanceof TokenIntrospected e && recordedRecently(e)) {
            return;
        }
        AuditEvent mapped = toAudit(event);
        if (mapped != null) {
            audit.record(mapped);
        }
    }

    private boolean recordedRecently(TokenIntrospected e) {
        return recentIntrospections != null && recentIntrospections.asMap()
                .putIfAbsent(e.byResourceServer() + " " + e.active() + " " + e.callerClientId(), Boolean.TRUE) != null;
    }

    /**
     * The mapping, on its own so it can be tested without a queue. Null for the events that are not audited:
     * a bearer check (one per API request: counted by metrics instead) and an operator's revocation (the
     * operator's own audit event, written where the action is taken, names the actor).
     */
    public static AuditEvent toAudit(ProtocolEvent event) {
        if (event instanceof AccessTokenChecked || event instanceof TokensRevokedByOperator) {
            return null;
        }
        if (event instanceof LoginSucceeded e) {
            return AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS)
                    .actor(AuditParty.user(e.userId(), e.username())).at(e.at());
        }
        if (event instanceof TokenRequestFailed e) {
            return AuditEvent.of("token.refused", AuditOutcome.FAILURE)
                    .actor(e.clientId() == null ? UNAUTHENTICATED : AuditParty.client(e.clientId()))
                    .client(e.clientId()).detail("error", e.error()).detail("grant_type", e.grantType()).at(e.at());
        }
        if (event instanceof TokenIntrospected e) {
            return AuditEvent.of("token.introspected", AuditOutcome.SUCCESS)
                    .actor(e.byResourceServer() ? RESOURCE_SERVER : AuditParty.client(e.callerClientId()))
                    .client(e.callerClientId()).detail("active", e.active()).at(e.at());
        }
        if (event instanceof ConsentGranted e) {
            return AuditEvent.of("consent.granted", AuditOutcome.SUCCESS).actor(user(e.userId()))
                    .client(e.clientId()).subject(AuditParty.application(e.clientDbId(), e.clientId()))
                    .detail("scope", e.scope().asString()).at(e.at());
        }
        if (event instanceof TokenIssued e) {
            return AuditEvent.of("token.issued", AuditOutcome.SUCCESS)
                    .actor(e.userId() == null ? AuditParty.client(e.clientId()) : user(e.userId()))
                    .client(e.clientId()).detail("grant_type", e.grantType()).detail("scope", e.scope().asString())
                    .detail("with_refresh_token", e.withRefreshToken()).detail("family", e.familyId()).at(e.at());
        }
        if (event instanceof TokenRevoked e) {
            return (e.reason() == TokenRevoked.Reason.ROTATED
                    ? AuditEvent.of("token.refresh_rotated", AuditOutcome.SUCCESS)
                    : AuditEvent.of("token.revoked", AuditOutcome.SUCCESS).detail("source", "client"))
                    .actor(e.userId() == null ? AuditParty.SYSTEM : user(e.userId()))
                    .subject(new AuditParty("token", null, lower(e.kind())))
                    .detail("family", e.familyId()).detail("application_id", e.clientDbId()).at(e.at());
        }
        if (event instanceof FamilyRevoked e) {
            return switch (e.reason()) {
                case REFRESH_TOKEN_REUSED -> AuditEvent.of("token.reuse_detected", AuditOutcome.FAILURE)
                        .detail("family", e.familyId()).detail("action", "family revoked").at(e.at());
                case CODE_REPLAYED -> AuditEvent.of("code.replayed", AuditOutcome.FAILURE)
                        .detail("family", e.familyId()).detail("action", "family revoked").at(e.at());
                case CLIENT_REQUEST -> AuditEvent.of("token.revoked", AuditOutcome.SUCCESS)
                        .detail("family", e.familyId()).detail("source", "client").detail("scope", "grant").at(e.at());
            };
        }
        if (event instanceof CodeReplayed e) {
            return AuditEvent.of("code.replayed", AuditOutcome.FAILURE)
                    .detail("family", e.familyId()).detail("application_id", e.clientDbId()).at(e.at());
        }
        if (event instanceof AuthorizationRevoked e) {
            return AuditEvent.of("consent.revoked", AuditOutcome.SUCCESS)
                    .actor(user(e.userId())).detail("application_id", e.clientDbId()).detail("source", "user_page")
                    .at(e.at());
        }
        if (event instanceof ClientChanged e) {
            return AuditEvent.of(switch (e.change()) {
                        case REGISTERED -> "application.created";
                        case UPDATED -> "application.changed";
                        case SECRET_REGENERATED -> "application.secret_regenerated";
                    }, AuditOutcome.SUCCESS).client(e.clientId())
                    .subject(AuditParty.application(e.clientDbId(), e.clientId())).at(e.at());
        }
        if (event instanceof ClientDeleted e) {
            return AuditEvent.of("application.deleted", AuditOutcome.SUCCESS).client(e.clientId())
                    .subject(AuditParty.application(e.clientDbId(), e.clientId())).at(e.at());
        }
        if (event instanceof UserChanged e) {
            String type = switch (e.change()) {
                case CREATED -> "user.created";
                case UPDATED -> "user.changed";
                case PASSWORD_CHANGED -> "user.password_changed";
            };
            return AuditEvent.of(type, AuditOutcome.SUCCESS).subject(user(e.userId())).at(e.at());
        }
        if (event instanceof UserDeactivated e) {
            return AuditEvent.of("user.deactivated", AuditOutcome.SUCCESS)
                    .subject(user(e.userId())).at(e.at());
        }
        if (event instanceof UserDeleted e) {
            return AuditEvent.of("user.deleted", AuditOutcome.SUCCESS).subject(user(e.userId())).at(e.at());
        }
        if (event instanceof LoginFailed e) {
            return AuditEvent.of(e.throttled() ? "signin.locked_out" : "signin.failed",
                    AuditOutcome.FAILURE).actor(new AuditParty("user", null, e.username())).at(e.at());
        }
        if (event instanceof SignedOut e) {
            return AuditEvent.of("signout", AuditOutcome.SUCCESS).actor(user(e.userId())).client(e.clientId())
                    .detail("source", "rp_initiated_logout").at(e.at());
        }
        throw new IllegalArgumentException("Unknown protocol event " + event.getClass().getName());
    }

    // Events carry user ids only; the name is left blank rather than looked up on the request's thread.
    private static AuditParty user(long id) {
        return AuditParty.user(id, "");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
