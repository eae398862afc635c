package io.tollgate.ops.metrics;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exports the {@link MetricFamily families} from the Dropwizard registry as labelled Prometheus series, one
 * family per name with a data point per label set. (The stock Dropwizard export makes one series per Dropwizard
 * name, which cannot carry labels, and its name mapper cannot merge several metrics into one family.)
 */
public final class LabelledExports implements MultiCollector {
    private static final double NANOS_PER_SECOND = 1e9;

    private final MetricRegistry registry;
    private final List<MetricFamily> families;

    public LabelledExports(MetricRegistry registry, List<MetricFamily> families) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.families = List.copyOf(families);
    }

    /** Whether a Dropwizard metric is exported here (so the generic export leaves it out). */
    public boolean covers(String dropwizardName) {
        return families.stream().anyMatch(family -> family.labelValues(dropwizardName).isPresent());
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, Metric> all = registry.getMetrics();
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        for (MetricFamily family : families) {
            snapshot(family, all).ifPresent(snapshots::metricSnapshot);
        }
        return snapshots.build();
    }

    @Override
    public List<String> getPrometheusNames() {
        return families.stream().map(MetricFamily::prometheusName).toList();
    }

    private Optional<MetricSnapshot> snapshot(MetricFamily family, Map<String, Metric> all) {
        return switch (family.type()) {
            case COUNTER, GAUGE -> numbers(family, all);
            case SUMMARY -> summary(family, all);
        };
    }

    /** A counter or gauge family: one data point per Dropwizard metric with a number. */
    private Optional<MetricSnapshot> numbers(MetricFamily family, Map<String, Metric> all) {
        Map<Labels, Double> points = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Metric> entry : all.entrySet()) {
            Optional<Labels> labels = labels(family, entry.getKey());
            Double value = labels.isPresent() ? number(entry.getValue()) : null;
            if (value != null) {
                points.put(labels.get(), value);
            }
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        if (family.type() == MetricFamily.Type.COUNTER) {
            CounterSnapshot.Builder counter = CounterSnapshot.builder().name(family.prometheusName()).help(family.help());
            points.forEach((labels, value) -> counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(labels).value(value).build()));
            return Optional.of(counter.build());
        }
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(family.prometheusName()).help(family.help());
        points.forEach((labels, value) -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(labels).value(value).build()));
        return Optional.of(gauge.build());
    }

    private Optional<MetricSnapshot> summary(MetricFamily family, Map<String, Metric> all) {
        SummarySnapshot.Builder builder = SummarySnapshot.builder().name(family.prometheusName()).help(family.help());
        int points = 0;
        for (Map.Entry<String, Metric> entry : all.entrySet()) {
            Optional<Labels> labels = labels(family, entry.getKey());
            if (labels.isPresent() && entry.getValue() instanceof Timer timer) {
                Snapshot snapshot = timer.getSnapshot();
                builder.dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().labels(labels.get())
                        .count(timer.getCount())
                        .quantiles(Quantiles.of(
                                new Quantile(0.5, snapshot.getMedian() / NANOS_PER_SECOND),
                                new Quantile(0.95, snapshot.get95thPercentile() / NANOS_PER_SECOND),
                                new Quantile(0.99, snapshot.get99thPercentile() / NANOS_PER_SECOND)))
                        .build());
                points++;
            }
        }
        return points == 0 ? Optional.empty() : Optional.of(builder.build());
    }

    private static Optional<Labels> labels(MetricFamily family, String name) {
        return family.labelValues(name).map(values -> {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                pairs.add(family.labels().get(i));
                pairs.add(values.get(i));
            }
            return Labels.of(pairs.toArray(String[]::new));
        });
    }

    /** A counter's or meter's count, or a numeric gauge's value; null for anything else. */
    private static Double number(Metric metric) {
        if (metric instanceof Counting counting) {
            return (double) counting.getCount();
        }
        try {
            if (metric instanceof Gauge<?> gauge && gauge.getValue() instanceof Number n) {
                return n.doubleValue();
            }
        } catch (RuntimeException e) {
            // A gauge that reads the database fails while it is down; the scrape must still answer the rest.
            return null;
        }
        return null;
    }
}
