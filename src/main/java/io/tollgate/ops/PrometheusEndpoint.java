package io.tollgate.ops;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.core.setup.AdminEnvironment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tollgate.ops.metrics.LabelledExports;
import io.tollgate.ops.metrics.TollgateMetrics;

/**
 * Serves every Dropwizard metric in Prometheus text format at /prometheus on the admin port: Tollgate's own
 * series as labelled families ({@link TollgateMetrics}), everything else (JVM, Jetty, Jersey timers) under its
 * Dropwizard name.
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/prometheus";

    private PrometheusEndpoint() {
    }

    /**
     * Jersey's per-method "X.total" timer would be named X in Prometheus (which strips _total) and clash
     * with the method's own timer X; the method timer carries the same figures, so the copy is left out.
     */
    private static boolean genericExport(String name, Metric metric) {
        return !(metric instanceof Timer && name.endsWith(".total"));
    }

    public static void register(MetricRegistry metrics, AdminEnvironment admin) {
        // A registry of our own rather than the library's process-wide default: no hidden global state.
        PrometheusRegistry registry = new PrometheusRegistry();
        LabelledExports labelled = new LabelledExports(metrics, TollgateMetrics.ALL);
        registry.register(labelled);
        DropwizardExports.builder().dropwizardRegistry(metrics)
                .metricFilter((name, metric) -> genericExport(name, metric) && !labelled.covers(name))
                .register(registry);
        admin.addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping(PATH);
    }
}
