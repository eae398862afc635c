package io.tollgate.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LabelledExportsTest {
    private final MetricRegistry metrics = new MetricRegistry();
    private final LabelledExports exports = new LabelledExports(metrics, TollgateMetrics.ALL);

    private String scrape() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(exports);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void severalDropwizardCountersBecomeOneLabelledFamily() throws IOException {
        metrics.counter(TollgateMetrics.TOKEN_REQUESTS.dropwizardName("password", "success")).inc(3);
        metrics.counter(TollgateMetrics.TOKEN_REQUESTS.dropwizardName("password", "invalid_grant")).inc();
        String text = scrape();
        assertThat(text).contains("# TYPE tollgate_token_requests_total counter")
                .contains("tollgate_token_requests_total{grant_type=\"password\",outcome=\"success\"} 3.0")
                .contains("tollgate_token_requests_total{grant_type=\"password\",outcome=\"invalid_grant\"} 1.0");
    }

    @Test
    void timersBecomeSummariesInSecondsWithP50P95P99() throws IOException {
        metrics.timer(TollgateMetrics.HTTP_DURATION.dropwizardName("token")).update(250, TimeUnit.MILLISECONDS);
        String text = scrape();
        assertThat(text).contains("tollgate_http_request_duration_seconds{endpoint=\"token\",quantile=\"0.99\"} 0.25")
                .contains("tollgate_http_request_duration_seconds{endpoint=\"token\",quantile=\"0.5\"} 0.25")
                .contains("tollgate_http_request_duration_seconds_count{endpoint=\"token\"} 1");
    }

    @Test
    void gaugesAndOnlyTheAllowedLabelValuesOfAPrefix() throws IOException {
        metrics.register(TollgateMetrics.DATABASE_POOL + ".active", (Gauge<Integer>) () -> 2);
        metrics.register(TollgateMetrics.DATABASE_POOL + ".idle", (Gauge<Integer>) () -> 5);
        metrics.register(TollgateMetrics.DATABASE_POOL + ".created", (Gauge<Integer>) () -> 99);
        metrics.register(TollgateMetrics.AUDIT_DROPPED.dropwizardName(), (Gauge<Long>) () -> 7L);
        String text = scrape();
        assertThat(text).contains("tollgate_db_pool_connections{state=\"active\"} 2.0")
                .contains("tollgate_db_pool_connections{state=\"idle\"} 5.0")
                .doesNotContain("created")
                .contains("tollgate_audit_dropped_total 7.0");
        assertThat(exports.covers(TollgateMetrics.DATABASE_POOL + ".active")).isTrue();
        assertThat(exports.covers(TollgateMetrics.DATABASE_POOL + ".created")).isFalse();
    }

    @Test
    void aFailingGaugeLeavesTheRestOfTheScrape() throws IOException {
        metrics.register(TollgateMetrics.SESSIONS_ACTIVE.dropwizardName(), (Gauge<Long>) () -> {
            throw new IllegalStateException("database down");
        });
        metrics.counter(TollgateMetrics.SIGNINS.dropwizardName("success")).inc();
        String text = scrape();
        assertThat(text).contains("tollgate_signins_total{outcome=\"success\"} 1.0").doesNotContain("sessions_active");
    }

    @Test
    void aLabelValueWithADotCannotSplitIntoAnotherLabel() {
        assertThat(TollgateMetrics.PURGE_ROWS.dropwizardName("a.b")).isEqualTo("io.tollgate.cleanup.deleted.a_b");
        assertThat(TollgateMetrics.PURGE_ROWS.labelValues("io.tollgate.cleanup.deleted.a.b")).isEmpty();
        assertThat(TollgateMetrics.PURGE_ROWS.labelValues("io.tollgate.cleanup.deleted.sessions"))
                .contains(List.of("sessions"));
    }
}
