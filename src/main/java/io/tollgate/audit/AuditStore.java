package io.tollgate.audit;

import io.tollgate.users.Page;
import java.util.List;

/** Storage port for the audit_event table. */
public interface AuditStore extends AuditSink {

    /** Events matching the query, newest first. */
    Page<StoredAuditEvent> find(AuditQuery query, int offset, int limit);

    /** An event with its row id. */
    record StoredAuditEvent(long id, AuditEvent event) {
    }

    @Override
    void write(List<AuditEvent> events);
}
