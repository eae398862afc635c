package io.tollgate.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.event.AccessTokenChecked;
import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.ConsentGranted;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.LoginSucceeded;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;
import io.tollgate.oauth.event.TokenIntrospected;
import io.tollgate.oauth.event.TokenIssued;
import io.tollgate.oauth.event.TokenRequestFailed;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.event.TokensRevokedByOperator;
import io.tollgate.ops.metrics.MetricFamily;
import io.tollgate.ops.metrics.TollgateMetrics;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counters from the core's protocol events. Every label value comes from a fixed set: registered grant types,
 * the error-code catalogue, the enums of the events; anything else counts as "other". Never a client id or a
 * username, so the number of series stays bounded whatever callers send.
 */
public final class ProtocolMetrics implements ProtocolEventListener {
    static final String SUCCESS = "success";
    static final String OTHER = "other";
    /** The operators' sources ({@code AdminTokens}), and the protocol's own. */
    static final Set<String> REVOCATION_SOURCES = Set.of("client", "user_page", "admin_console", "admin_task",
            "command", "reuse_detected", "code_replayed");

    private final MetricRegistry metrics;
    private final Set<String> grants;
    private final Set<String> errors = new LinkedHashSet<>();
    /** One per API request: looked up once rather than by name on every check. */
    private final Map<AccessTokenChecked.Result, Counter> bearerChecks = new EnumMap<>(AccessTokenChecked.Result.class);

    /** @param grantTypes the registered grants' wire names (the label values a token request can have) */
    public ProtocolMetrics(MetricRegistry metrics, Collection<String> grantTypes) {
        this.metrics = metrics;
        this.grants = Set.copyOf(grantTypes);
        OAuthError.ALL.forEach(error -> errors.add(error.code()));
        // Registered up front so dashboards see the common series at zero from the start.
        for (String grant : grants) {
            count(TollgateMetrics.TOKEN_REQUESTS, 0, label(grant), SUCCESS);
            for (OAuthError error : java.util.List.of(OAuthError.INVALID_CLIENT, OAuthError.INVALID_GRANT)) {
                count(TollgateMetrics.TOKEN_REQUESTS, 0, label(grant), error.code());
            }
        }
        for (AccessTokenChecked.Result result : AccessTokenChecked.Result.values()) {
            bearerChecks.put(result, metrics.counter(TollgateMetrics.BEARER_CHECKS.dropwizardName(lower(result))));
        }
        for (String outcome : Set.of(SUCCESS, "failure", "locked_out")) {
            count(TollgateMetrics.SIGNINS, 0, outcome);
        }
        for (String source : REVOCATION_SOURCES) {
            count(TollgateMetrics.REVOCATIONS, 0, source);
        }
        count(TollgateMetrics.REFRESH_ROTATIONS, 0);
        count(TollgateMetrics.CONSENTS, 0);
        for (String caller : Set.of("client", "resource_server")) {
            count(TollgateMetrics.INTROSPECTIONS, 0, caller, "true");
            count(TollgateMetrics.INTROSPECTIONS, 0, caller, "false");
        }
    }

    @Override
    public void on(ProtocolEvent event) {
        if (event instanceof TokenIssued issued) {
            count(TollgateMetrics.TOKEN_REQUESTS, 1, grant(issued.grantType()), SUCCESS);
        } else if (event instanceof TokenRequestFailed failed) {
            count(TollgateMetrics.TOKEN_REQUESTS, 1, failed.grantType() == null ? OTHER : grant(failed.grantType()),
                    errors.contains(failed.error()) ? failed.error() : OTHER);
        } else if (event instanceof AccessTokenChecked checked) {
            bearerChecks.get(checked.result()).inc();
        } else if (event instanceof LoginSucceeded) {
            count(TollgateMetrics.SIGNINS, 1, SUCCESS);
        } else if (event instanceof LoginFailed failed) {
            count(TollgateMetrics.SIGNINS, 1, failed.throttled() ? "locked_out" : "failure");
        } else if (event instanceof TokenRevoked revoked) {
            if (revoked.reason() == TokenRevoked.Reason.ROTATED) {
                count(TollgateMetrics.REFRESH_ROTATIONS, 1);
            } else {
                count(TollgateMetrics.REVOCATIONS, 1, "client");
            }
        } else if (event instanceof FamilyRevoked family) {
            count(TollgateMetrics.REVOCATIONS, 1, switch (family.reason()) {
                case REFRESH_TOKEN_REUSED -> "reuse_detected";
                case CODE_REPLAYED -> "code_replayed";
                case CLIENT_REQUEST -> "client";
            });
        } else if (event instanceof AuthorizationRevoked) {
            count(TollgateMetrics.REVOCATIONS, 1, "user_page");
        } else if (event instanceof TokensRevokedByOperator operator) {
            count(TollgateMetrics.REVOCATIONS, operator.count(),
                    REVOCATION_SOURCES.contains(operator.source()) ? operator.source() : OTHER);
        } else if (event instanceof TokenIntrospected introspected) {
            count(TollgateMetrics.INTROSPECTIONS, 1, introspected.byResourceServer() ? "resource_server" : "client",
                    Boolean.toString(introspected.active()));
        } else if (event instanceof ConsentGranted) {
            count(TollgateMetrics.CONSENTS, 1);
        }
    }

    private void count(MetricFamily family, long by, String... labels) {
        metrics.counter(family.dropwizardName(labels)).inc(by);
    }

    private String grant(String grantType) {
        return grants.contains(grantType) ? label(grantType) : OTHER;
    }

    /** The device grant's URN would be an unwieldy label; its short name says the same. */
    static String label(String grantType) {
        return grantType.startsWith("urn:ietf:params:oauth:grant-type:")
                ? grantType.substring("urn:ietf:params:oauth:grant-type:".length()) : grantType;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
