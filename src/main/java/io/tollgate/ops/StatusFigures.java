package io.tollgate.ops;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.tollgate.ops.metrics.MetricFamily;
import io.tollgate.ops.metrics.TollgateMetrics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The figures the console's status page charts, read from the server's own metrics: cumulative counters (the page
 * turns two polls into a per-minute rate, so the server keeps no history) and current gauges and p99s. Small and
 * bounded: every key comes from a metric family's fixed label values.
 */
public record StatusFigures(MetricRegistry registry, Clock clock) implements Supplier<Map<String, Object>> {
    private static final double NANOS_PER_MILLI = 1e6;

    @Override
    public Map<String, Object> get() {
        Map<String, Long> issued = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        Map<String, Double> p99 = new TreeMap<>();
        Map<String, Long> cache = new TreeMap<>();
        Map<String, Long> bearer = new TreeMap<>();
        Object sessions = null;
        for (Map.Entry<String, Metric> entry : registry.getMetrics().entrySet()) {
            String name = entry.getKey();
            Metric metric = entry.getValue();
            List<String> request = labels(TollgateMetrics.TOKEN_REQUESTS, name);
            if (request != null) {
                Map<String, Long> into = request.get(1).equals(ProtocolMetrics.SUCCESS) ? issued : errors;
                into.merge(request.get(1).equals(ProtocolMetrics.SUCCESS) ? request.get(0) : request.get(1),
                        count(metric), Long::sum);
            }
            List<String> endpoint = labels(TollgateMetrics.HTTP_DURATION, name);
            if (endpoint != null && metric instanceof Timer timer && timer.getCount() > 0) {
                p99.put(endpoint.get(0), Math.round(timer.getSnapshot().get99thPercentile() / NANOS_PER_MILLI * 10)
                        / 10.0);
            }
            List<String> lookup = labels(TollgateMetrics.TOKEN_CACHE_LOOKUPS, name);
            if (lookup != null) {
                cache.put(lookup.get(0), count(metric));
            }
            List<String> check = labels(TollgateMetrics.BEARER_CHECKS, name);
            if (check != null) {
                bearer.put(check.get(0), count(metric));
            }
            if (labels(TollgateMetrics.SESSIONS_ACTIVE, name) != null) {
                sessions = gauge(metric);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("time", clock.millis());
        figures.put("tokens_issued", issued);
        figures.put("errors", errors);
        figures.put("p99_ms", p99);
        figures.put("sessions_active", sessions);
        figures.put("token_cache", cache);
        figures.put("bearer_checks", bearer);
        return figures;
    }

    private static List<String> labels(MetricFamily family, String name) {
        return family.labelValues(name).orElse(null);
    }

    private static long count(Metric metric) {
        if (metric instanceof Counting counting) {
            return counting.getCount();
        }
        Object value = gauge(metric);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Object gauge(Metric metric) {
        try {
            return metric instanceof Gauge<?> gauge ? gauge.getValue() : null;
        } catch (RuntimeException e) {
            // The sessions gauge reads the database; while it is down the page shows a gap, not an error.
            return null;
        }
    }
}
