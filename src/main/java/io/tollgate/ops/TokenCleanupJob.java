package io.tollgate.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.PurgeReport;
import io.tollgate.oauth.cleanup.TokenPurge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One purge run as operators see it: a log line, a counter per kind of row and a duration timer, whoever started
 * it; and when it last succeeded, for the purge health check.
 */
public class TokenCleanupJob {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCleanupJob.class);

    private final TokenPurge purge;
    private final Clock clock;
    private final Map<PurgeKind, Counter> deleted = new LinkedHashMap<>();
    private final Timer duration;
    private final Counter failures;
    private final Instant created;
    private volatile Instant lastSuccess;

    public TokenCleanupJob(TokenPurge purge, MetricRegistry metrics) {
        this(purge, metrics, Clock.systemUTC());
    }

    public TokenCleanupJob(TokenPurge purge, MetricRegistry metrics, Clock clock) {
        this.purge = purge;
        this.clock = clock;
        for (PurgeKind kind : purge.kinds()) {
            deleted.put(kind, metrics.counter(MetricRegistry.name("io.tollgate.cleanup", "deleted", kind.label())));
        }
        this.duration = metrics.timer("io.tollgate.cleanup.duration");
        this.failures = metrics.counter("io.tollgate.cleanup.failures");
        this.created = clock.instant();
    }

    /** @param trigger who asked: "schedule", "task" */
    public PurgeReport run(String trigger) {
        PurgeReport report;
        try {
            report = purge.run();
        } catch (RuntimeException e) {
            failures.inc();
            throw e;
        }
        report.deleted().forEach((kind, count) -> deleted.get(kind).inc(count));
        duration.update(report.elapsed());
        lastSuccess = clock.instant();
        LOG.info("Token cleanup ({}) removed {} in {} ms", trigger, report.summary(), report.elapsed().toMillis());
        return report;
    }

    /** When a purge last finished without an error on this node, if one has. */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /** How long since a purge last succeeded here; counted from this job's creation until one has. */
    public Duration sinceLastSuccess() {
        return Duration.between(lastSuccess().orElse(created), clock.instant());
    }

    public Instant created() {
        return created;
    }
}
