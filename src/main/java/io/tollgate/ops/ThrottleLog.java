package io.tollgate.ops;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.throttle.ThrottleObserver;
import io.tollgate.throttle.Throttled;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every throttled attempt as operators see it: one WARN line (username or client_id, address, wait — never a
 * password or secret, which the throttle never sees) and a meter per kind, so a lockout is never silent.
 */
public class ThrottleLog implements ThrottleObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleLog.class);
    private static final int MAX_SHOWN = 150;

    private final Map<AttemptThrottle.Kind, Meter> refused = new EnumMap<>(AttemptThrottle.Kind.class);

    public ThrottleLog(MetricRegistry metrics) {
        for (AttemptThrottle.Kind kind : AttemptThrottle.Kind.values()) {
            refused.put(kind, metrics.meter(MetricRegistry.name("io.tollgate.throttle", "refused",
                    kind.name().toLowerCase(java.util.Locale.ROOT))));
        }
    }

    @Override
    public void refused(AttemptThrottle.Kind kind, String subject, String address, Duration retryAfter, boolean ceiling) {
        refused.get(kind).mark();
        LOG.warn("Throttled {} attempt for {} from {}: {} failures, retry after {} s", kind.name().toLowerCase(java.util.Locale.ROOT),
                printable(subject), address, ceiling ? "too many recent (all addresses)" : "too many recent (this address)",
                Throttled.wholeSeconds(retryAfter));
    }

    /** Untrusted text in a log line: quoted, control characters escaped (no forged lines), length bounded. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(MAX_SHOWN).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp == '"' || cp == '\\') {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(text.codePointCount(0, text.length()) > MAX_SHOWN ? "…\"" : "\"").toString();
    }
}
