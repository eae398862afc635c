package io.tollgate.ops.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Prometheus series family and the Dropwizard metrics it is read from. Dropwizard has no labels, so the label
 * values are the last segments of the Dropwizard name: {@code io.tollgate.oauth.token_requests.password.success}
 * is {@code tollgate_token_requests_total{grant_type="password",outcome="success"}}. Label values come from fixed
 * sets in our own code (grant types, error codes, results), never from what a caller typed, so cardinality is bounded.
 *
 * @param prometheusName without the {@code _total} a counter gets in the text format
 * @param dropwizardName the prefix (or the whole name, when there are no labels)
 * @param allowed        when not null, the only values of the (single) label exported; other metrics under the
 *                       prefix (a pool's other gauges) are left to the generic export
 */
public record MetricFamily(String prometheusName, String help, Type type, String dropwizardName,
                           List<String> labels, Set<String> allowed) {

    public enum Type {
        /** From a Counter, a Meter's count, or a Gauge that only grows. */
        COUNTER,
        GAUGE,
        /** From a Timer: p50, p95, p99 in seconds, and the count. */
        SUMMARY
    }

    public MetricFamily {
        Objects.requireNonNull(prometheusName, "prometheusName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dropwizardName, "dropwizardName");
        labels = List.copyOf(labels);
        allowed = allowed == null ? null : Set.copyOf(allowed);
        if (allowed != null && labels.size() != 1) {
            throw new IllegalArgumentException("allowed values need exactly one label");
        }
    }

    public static MetricFamily of(String prometheusName, Type type, String dropwizardName, String help,
                                  String... labels) {
        return new MetricFamily(prometheusName, help, type, dropwizardName, List.of(labels), null);
    }

    /** The name as it appears on /prometheus (a counter's with its _total). */
    public String exposedName() {
        return type == Type.COUNTER ? prometheusName + "_total" : prometheusName;
    }

    /** The label values of a Dropwizard metric of this family, or empty if the name is not one of ours. */
    public Optional<List<String>> labelValues(String name) {
        if (labels.isEmpty()) {
            return name.equals(dropwizardName) ? Optional.of(List.of()) : Optional.empty();
        }
        if (!name.startsWith(dropwizardName + ".")) {
            return Optional.empty();
        }
        List<String> values = List.of(name.substring(dropwizardName.length() + 1).split("\\.", -1));
        if (values.size() != labels.size() || (allowed != null && !allowed.contains(values.get(0)))) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    /** The Dropwizard name for these label values (dots would split a value, so they become underscores). */
    public String dropwizardName(String... values) {
        if (values.length != labels.size()) {
            throw new IllegalArgumentException(prometheusName + " takes " + labels + ", got " + values.length);
        }
        StringBuilder name = new StringBuilder(dropwizardName);
        for (String value : values) {
            name.append('.').append(value.replace('.', '_'));
        }
        return name.toString();
    }
}
