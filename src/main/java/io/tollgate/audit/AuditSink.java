package io.tollgate.audit;

import java.util.List;

/** Where audit events go (the audit logger, the audit_event table). Called only from the writer's thread. */
public interface AuditSink {
    /** Writes a batch in order. May throw; the writer logs the failure and goes on with the next batch. */
    void write(List<AuditEvent> events);
}
