package io.tollgate.audit;

/** What the rest of the server calls to record an event. Never blocks, never throws. */
public interface AuditLog {
    void record(AuditEvent event);

    /** For code paths and tests that have no audit trail. */
    AuditLog NONE = event -> { };
}
