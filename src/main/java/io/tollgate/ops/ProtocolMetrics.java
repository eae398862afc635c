package io.tollgate.ops;

import com.codahale.metrics.MetricRegistry;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;
import io.tollgate.oauth.event.TokenIssued;
import io.tollgate.oauth.event.TokenRevoked;
import java.util.Locale;
import java.util.Set;

/**
 * Counters from the core's protocol events, with bounded names: grant types and reasons come from fixed sets
 * (an unknown grant type counts as "other"), never from client ids or usernames.
 */
public final class ProtocolMetrics implements ProtocolEventListener {
    static final String PREFIX = "io.tollgate.oauth";
    private static final Set<String> GRANTS = Set.of("password", "refresh_token", "client_credentials",
            "authorization_code", "urn:ietf:params:oauth:grant-type:device_code");

    private final MetricRegistry metrics;

    public ProtocolMetrics(MetricRegistry metrics) {
        this.metrics = metrics;
        // Registered up front so dashboards see every series at zero from the start.
        for (String grant : GRANTS) {
            metrics.counter(MetricRegistry.name(PREFIX, "tokens.issued", label(grant)));
        }
        metrics.counter(MetricRegistry.name(PREFIX, "tokens.issued", "other"));
        for (TokenRevoked.Reason reason : TokenRevoked.Reason.values()) {
            metrics.counter(MetricRegistry.name(PREFIX, "tokens.revoked", lower(reason)));
        }
        for (FamilyRevoked.Reason reason : FamilyRevoked.Reason.values()) {
            metrics.counter(MetricRegistry.name(PREFIX, "families.revoked", lower(reason)));
        }
        metrics.counter(MetricRegistry.name(PREFIX, "signins.failed"));
        metrics.counter(MetricRegistry.name(PREFIX, "signins.locked_out"));
    }

    @Override
    public void on(ProtocolEvent event) {
        if (event instanceof TokenIssued issued) {
            String grant = GRANTS.contains(issued.grantType()) ? label(issued.grantType()) : "other";
            metrics.counter(MetricRegistry.name(PREFIX, "tokens.issued", grant)).inc();
        } else if (event instanceof TokenRevoked revoked) {
            metrics.counter(MetricRegistry.name(PREFIX, "tokens.revoked", lower(revoked.reason()))).inc();
        } else if (event instanceof FamilyRevoked family) {
            metrics.counter(MetricRegistry.name(PREFIX, "families.revoked", lower(family.reason()))).inc();
        } else if (event instanceof LoginFailed failed) {
            metrics.counter(MetricRegistry.name(PREFIX, failed.throttled() ? "signins.locked_out" : "signins.failed"))
                    .inc();
        }
    }

    private static String label(String grantType) {
        return grantType.startsWith("urn:") ? "device_code" : grantType;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
