package io.tollgate.ops.metrics;

import static io.tollgate.ops.metrics.MetricFamily.Type.COUNTER;
import static io.tollgate.ops.metrics.MetricFamily.Type.GAUGE;
import static io.tollgate.ops.metrics.MetricFamily.Type.SUMMARY;

import java.util.List;
import java.util.Set;

/**
 * Every labelled series Tollgate exports, in one place: the README's metrics table, the Grafana dashboard and the
 * status page are written against these names. Dropwizard names (on /metrics) are on the right.
 */
public final class TollgateMetrics {
    /** Where the bearer cache's figures have been since before the validator moved into the protocol. */
    public static final String TOKEN_CACHE = "io.tollgate.web.security.TokenAuthenticator.cache";
    public static final String DATABASE_POOL = "io.dropwizard.db.ManagedPooledDataSource.database";

    public static final MetricFamily TOKEN_REQUESTS = MetricFamily.of("tollgate_token_requests", COUNTER,
            "io.tollgate.oauth.token_requests",
            "Token endpoint requests by grant type and outcome: success, or the RFC 6749 error code answered",
            "grant_type", "outcome");
    public static final MetricFamily HTTP_DURATION = MetricFamily.of("tollgate_http_request_duration_seconds",
            SUMMARY, "io.tollgate.http.requests", "Request latency per endpoint (p50, p95, p99 over ~5 minutes)",
            "endpoint");
    public static final MetricFamily BEARER_CHECKS = MetricFamily.of("tollgate_bearer_checks", COUNTER,
            "io.tollgate.oauth.bearer_checks",
            "Access-token checks (API, userinfo, introspection) by result: valid, expired, revoked, user_inactive, "
                    + "unknown, malformed", "result");
    public static final MetricFamily TOKEN_CACHE_LOOKUPS = MetricFamily.of("tollgate_token_cache_lookups", COUNTER,
            TOKEN_CACHE + ".lookups", "Bearer-check cache lookups by result (hit, miss)", "result");
    public static final MetricFamily TOKEN_CACHE_HIT_RATIO = MetricFamily.of("tollgate_token_cache_hit_ratio", GAUGE,
            TOKEN_CACHE + ".hit-rate", "Share of bearer-check lookups answered from the cache since start");
    public static final MetricFamily TOKEN_CACHE_SIZE = MetricFamily.of("tollgate_token_cache_size", GAUGE,
            TOKEN_CACHE + ".size", "Entries in the bearer-check cache");
    public static final MetricFamily SIGNINS = MetricFamily.of("tollgate_signins", COUNTER,
            "io.tollgate.oauth.signins",
            "Password checks (sign-in page and password grant) by outcome: success, failure, locked_out", "outcome");
    public static final MetricFamily LOCKOUTS = MetricFamily.of("tollgate_lockouts", COUNTER,
            "io.tollgate.throttle.refused", "Attempts refused by the throttle, by kind (login, client, ...)", "kind");
    public static final MetricFamily REVOCATIONS = MetricFamily.of("tollgate_revocations", COUNTER,
            "io.tollgate.oauth.revocations",
            "Revocations by source: client (RFC 7009), user_page, admin_console, admin_task, command "
                    + "(these count tokens), reuse_detected, code_replayed (these count grants)", "source");
    public static final MetricFamily REFRESH_ROTATIONS = MetricFamily.of("tollgate_refresh_rotations", COUNTER,
            "io.tollgate.oauth.refresh_rotations", "Refresh tokens exchanged for a new pair");
    public static final MetricFamily INTROSPECTIONS = MetricFamily.of("tollgate_introspections", COUNTER,
            "io.tollgate.oauth.introspections", "RFC 7662 introspections by caller (client, resource_server) and answer",
            "caller", "active");
    public static final MetricFamily CONSENTS = MetricFamily.of("tollgate_consents_granted", COUNTER,
            "io.tollgate.oauth.consents_granted", "Approvals on the consent page");
    public static final MetricFamily PURGE_ROWS = MetricFamily.of("tollgate_purge_rows", COUNTER,
            "io.tollgate.cleanup.deleted", "Rows removed by the purge, by kind", "kind");
    public static final MetricFamily PURGE_DURATION = MetricFamily.of("tollgate_purge_duration_seconds", SUMMARY,
            "io.tollgate.cleanup.duration", "How long a purge run took");
    public static final MetricFamily PURGE_FAILURES = MetricFamily.of("tollgate_purge_failures", COUNTER,
            "io.tollgate.cleanup.failures", "Purge runs that failed");
    public static final MetricFamily AUDIT_QUEUE_DEPTH = MetricFamily.of("tollgate_audit_queue_depth", GAUGE,
            "io.tollgate.audit.queue.depth", "Audit events waiting to be written");
    public static final MetricFamily AUDIT_DROPPED = MetricFamily.of("tollgate_audit_dropped", COUNTER,
            "io.tollgate.audit.dropped", "Audit events dropped because the queue was full");
    public static final MetricFamily AUDIT_WRITTEN = MetricFamily.of("tollgate_audit_written", COUNTER,
            "io.tollgate.audit.written", "Audit events written");
    public static final MetricFamily DB_POOL_CONNECTIONS = new MetricFamily("tollgate_db_pool_connections",
            "Database pool connections by state (active: lent out, idle: ready)", GAUGE, DATABASE_POOL,
            List.of("state"), Set.of("active", "idle"));
    public static final MetricFamily DB_POOL_SIZE = MetricFamily.of("tollgate_db_pool_size", GAUGE,
            DATABASE_POOL + ".size", "Connections the database pool holds");
    public static final MetricFamily DB_POOL_WAITING = MetricFamily.of("tollgate_db_pool_waiting", GAUGE,
            DATABASE_POOL + ".waiting", "Threads waiting for a database connection");
    public static final MetricFamily SESSIONS_ACTIVE = MetricFamily.of("tollgate_sessions_active", GAUGE,
            "io.tollgate.sessions.active", "Browser sessions seen within the idle timeout (refreshed every 30 s)");

    public static final MetricFamily HEALTH = MetricFamily.of("tollgate_health_check_healthy", GAUGE,
            "io.tollgate.health", "Each /healthcheck entry: 1 healthy, 0 not (re-run at most every 15 s)", "check");

    public static final List<MetricFamily> ALL = List.of(TOKEN_REQUESTS, HTTP_DURATION, BEARER_CHECKS,
            TOKEN_CACHE_LOOKUPS, TOKEN_CACHE_HIT_RATIO, TOKEN_CACHE_SIZE, SIGNINS, LOCKOUTS, REVOCATIONS,
            REFRESH_ROTATIONS, INTROSPECTIONS, CONSENTS, PURGE_ROWS, PURGE_DURATION, PURGE_FAILURES,
            AUDIT_QUEUE_DEPTH, AUDIT_DROPPED, AUDIT_WRITTEN, DB_POOL_CONNECTIONS, DB_POOL_SIZE, DB_POOL_WAITING,
            SESSIONS_ACTIVE, HEALTH);

    private TollgateMetrics() {
    }
}
