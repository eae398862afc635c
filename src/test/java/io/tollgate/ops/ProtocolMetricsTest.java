package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.tollgate.oauth.event.AccessTokenChecked;
import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.LoginSucceeded;
import io.tollgate.oauth.event.TokenIntrospected;
import io.tollgate.oauth.event.TokenIssued;
import io.tollgate.oauth.event.TokenRequestFailed;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.event.TokensRevokedByOperator;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.ops.metrics.MetricFamily;
import io.tollgate.ops.metrics.TollgateMetrics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolMetricsTest {
    private static final Instant T = Instant.parse("2026-12-04T21:00:00Z");
    private static final String DEVICE = "urn:ietf:params:oauth:grant-type:device_code";
    private final MetricRegistry registry = new MetricRegistry();
    private final ProtocolMetrics metrics = new ProtocolMetrics(registry, List.of("password", "refresh_token", DEVICE));

    private long count(MetricFamily family, String... labels) {
        return registry.counter(family.dropwizardName(labels)).getCount();
    }

    @Test
    void tokenRequestsAreCountedByGrantAndOutcome() {
        metrics.on(new TokenIssued(T, "app", 1L, "password", "f", "h", true, ScopeSet.parse("read")));
        metrics.on(new TokenIssued(T, "app", 1L, DEVICE, "f", "h", true, ScopeSet.parse("read")));
        metrics.on(new TokenRequestFailed(T, "password", "invalid_grant", "app"));
        metrics.on(new TokenRequestFailed(T, "password", "invalid_grant", "app"));
        metrics.on(new TokenRequestFailed(T, null, "invalid_client", null));
        assertThat(count(TollgateMetrics.TOKEN_REQUESTS, "password", "success")).isEqualTo(1);
        assertThat(count(TollgateMetrics.TOKEN_REQUESTS, "device_code", "success")).isEqualTo(1);
        assertThat(count(TollgateMetrics.TOKEN_REQUESTS, "password", "invalid_grant")).isEqualTo(2);
        assertThat(count(TollgateMetrics.TOKEN_REQUESTS, "other", "invalid_client")).isEqualTo(1);
    }

    @Test
    void labelsStayInTheirFixedSets() {
        metrics.on(new TokenRequestFailed(T, "made_up_grant", "made_up_error", "app"));
        metrics.on(new TokenIssued(T, "app", 1L, "client_credentials", "f", "h", false, ScopeSet.parse("read")));
        assertThat(count(TollgateMetrics.TOKEN_REQUESTS, "other", "other")).isEqualTo(1);
        assertThat(count(TollgateMetrics.TOKEN_REQUESTS, "other", "success")).isEqualTo(1);
        assertThat(registry.getNames()).noneMatch(name -> name.contains("made_up") || name.contains("app"));
    }

    @Test
    void theCommonSeriesExistAtZeroFromTheStart() {
        assertThat(registry.getCounters()).containsKeys(
                TollgateMetrics.TOKEN_REQUESTS.dropwizardName("password", "success"),
                TollgateMetrics.TOKEN_REQUESTS.dropwizardName("device_code", "invalid_grant"),
                TollgateMetrics.BEARER_CHECKS.dropwizardName("malformed"),
                TollgateMetrics.SIGNINS.dropwizardName("locked_out"),
                TollgateMetrics.REVOCATIONS.dropwizardName("admin_task"));
        assertThat(count(TollgateMetrics.BEARER_CHECKS, "valid")).isZero();
    }

    @Test
    void bearerChecksSignInsRevocationsAndIntrospections() {
        metrics.on(new AccessTokenChecked(T, AccessTokenChecked.Result.EXPIRED));
        metrics.on(new AccessTokenChecked(T, AccessTokenChecked.Result.REVOKED));
        metrics.on(new AccessTokenChecked(T, AccessTokenChecked.Result.REVOKED));
        metrics.on(new LoginSucceeded(T, 1, "alice"));
        metrics.on(new LoginFailed(T, "alice", false));
        metrics.on(new LoginFailed(T, "alice", true));
        metrics.on(new TokenRevoked(T, TokenRevoked.Kind.ACCESS_TOKEN, TokenRevoked.Reason.CLIENT_REQUEST, "h", 1, 1L, "f"));
        metrics.on(new TokenRevoked(T, TokenRevoked.Kind.REFRESH_TOKEN, TokenRevoked.Reason.ROTATED, "h", 1, 1L, "f"));
        metrics.on(new FamilyRevoked(T, "f", FamilyRevoked.Reason.REFRESH_TOKEN_REUSED));
        metrics.on(new AuthorizationRevoked(T, 1, 2));
        metrics.on(TokensRevokedByOperator.ofUser(T, "admin_task", 5, 1));
        metrics.on(new TokenIntrospected(T, null, true));
        metrics.on(new TokenIntrospected(T, "app", false));

        assertThat(count(TollgateMetrics.BEARER_CHECKS, "expired")).isEqualTo(1);
        assertThat(count(TollgateMetrics.BEARER_CHECKS, "revoked")).isEqualTo(2);
        assertThat(count(TollgateMetrics.SIGNINS, "success")).isEqualTo(1);
        assertThat(count(TollgateMetrics.SIGNINS, "failure")).isEqualTo(1);
        assertThat(count(TollgateMetrics.SIGNINS, "locked_out")).isEqualTo(1);
        assertThat(count(TollgateMetrics.REVOCATIONS, "client")).isEqualTo(1);
        assertThat(count(TollgateMetrics.REFRESH_ROTATIONS)).isEqualTo(1);
        assertThat(count(TollgateMetrics.REVOCATIONS, "reuse_detected")).isEqualTo(1);
        assertThat(count(TollgateMetrics.REVOCATIONS, "user_page")).isEqualTo(1);
        assertThat(count(TollgateMetrics.REVOCATIONS, "admin_task")).isEqualTo(5);
        assertThat(count(TollgateMetrics.INTROSPECTIONS, "resource_server", "true")).isEqualTo(1);
        assertThat(count(TollgateMetrics.INTROSPECTIONS, "client", "false")).isEqualTo(1);
    }
}
