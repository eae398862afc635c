package io.tollgate.persistence;

import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.TokenCleanupStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit trail's part of the periodic purge (registered with the authorization server's purge, so the
 * cleanup job, the cleartokens task and the command all run it). Audit events keep their own, longer retention
 * (audit.retention), so the token retention's cutoff the purge passes in is not used here.
 */
public record JdbiAuditCleanup(Jdbi jdbi, Clock clock, Duration retention) implements TokenCleanupStore {
    public static final PurgeKind AUDIT_EVENTS = new PurgeKind("audit_events", false);

    public JdbiAuditCleanup {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retention, "retention");
    }

    @Override
    public int deleteBatch(PurgeKind kind, Instant tokenCutoff, int limit) {
        Instant cutoff = clock.instant().minus(retention);
        return jdbi.inTransaction(h -> {
            List<Long> ids = h.createQuery("SELECT id FROM audit_event WHERE event_time < :cutoff ORDER BY id LIMIT :limit")
                    .bind("cutoff", cutoff).bind("limit", limit).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            // Rows another node deleted meanwhile are simply not counted.
            return h.createUpdate("DELETE FROM audit_event WHERE id IN (<ids>)").bindList("ids", ids).execute();
        });
    }
}
