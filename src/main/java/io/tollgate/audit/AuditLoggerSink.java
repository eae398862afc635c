package io.tollgate.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One JSON object per line on the {@code io.tollgate.audit} logger, which config.yml gives its own appender. */
public final class AuditLoggerSink implements AuditSink {
    public static final String LOGGER = "io.tollgate.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    private final AuditJson json;

    public AuditLoggerSink(AuditJson json) {
        this.json = json;
    }

    @Override
    public void write(List<AuditEvent> events) {
        if (!AUDIT.isInfoEnabled()) {
            return;
        }
        for (AuditEvent event : events) {
            AUDIT.info(json.line(event));
        }
    }
}
