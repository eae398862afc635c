package io.tollgate.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.PurgeReport;
import io.tollgate.oauth.cleanup.TokenPurge;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One purge run as operators see it: a log line and a counter per kind of row, whoever started it. */
public class TokenCleanupJob {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCleanupJob.class);

    private final TokenPurge purge;
    private final Map<PurgeKind, Counter> deleted = new LinkedHashMap<>();

    public TokenCleanupJob(TokenPurge purge, MetricRegistry metrics) {
        this.purge = purge;
        for (PurgeKind kind : purge.kinds()) {
            deleted.put(kind, metrics.counter(MetricRegistry.name("io.tollgate.cleanup", "deleted", kind.label())));
        }
    }

    /** @param trigger who asked: "schedule", "task" */
    public PurgeReport run(String trigger) {
        PurgeReport report = purge.run();
        report.deleted().forEach((kind, count) -> deleted.get(kind).inc(count));
        LOG.info("Token cleanup ({}) removed {} in {} ms", trigger, report.summary(), report.elapsed().toMillis());
        return report;
    }
}
