package io.tollgate.persistence;

import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.resource.InvalidationPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends invalidations to the other nodes with PostgreSQL NOTIFY. Called after the change committed, on the
 * request's thread, through the pool: one short statement, bounded by the pool's own time-outs. A NOTIFY is
 * delivered only to sessions listening at the time, exactly once each, in commit order.
 */
public class PgInvalidationPublisher implements InvalidationPublisher {
    static final String CHANNEL = "tollgate_token_cache";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int MAX_PAYLOAD_BYTES = 7999;
    private static final Logger LOG = LoggerFactory.getLogger(PgInvalidationPublisher.class);

    private final Jdbi jdbi;
    private final String node;

    public PgInvalidationPublisher(Jdbi jdbi, String node) {
        this.jdbi = jdbi;
        this.node = node;
    }

    /**
     * Sends several invalidations in one statement (one round trip, one commit: each listener gets all of them).
     * Those too long to send are logged and skipped, as in {@link #publish}.
     */
    public void publishAll(List<Invalidation> invalidations) {
        List<String> payloads = new ArrayList<>();
        for (Invalidation invalidation : invalidations) {
            String payload = invalidation.toPayload(node);
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                LOG.warn("Invalidation of kind {} too long to send; other nodes catch up within the cache's "
                        + "staleness bound", invalidation.kind());
            } else {
                payloads.add(payload);
            }
        }
        if (payloads.isEmpty()) {
            return;
        }
        try {
            jdbi.useHandle(handle -> handle.createQuery("SELECT count(*) FROM (SELECT pg_notify(:channel, payload) "
                            + "FROM unnest(:payloads) AS payload) sent")
                    .bind("channel", CHANNEL)
                    .bindArray("payloads", String.class, payloads)
                    .mapTo(Integer.class)
                    .one());
        } catch (RuntimeException e) {
            LOG.warn("Could not notify other nodes of {} invalidations ({}); they catch up within the cache's "
                    + "staleness bound", payloads.size(), e.toString());
        }
    }

    @Override
    public void publish(Invalidation invalidation) {
        String payload = invalidation.toPayload(node);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            LOG.warn("Invalidation of kind {} too long to send; other nodes catch up within the cache's staleness bound",
                    invalidation.kind());
            return;
        }
        try {
            jdbi.useHandle(handle -> handle.createQuery("SELECT 1 FROM (SELECT pg_notify(:channel, :payload)) sent")
                    .bind("channel", CHANNEL)
                    .bind("payload", payload)
                    .mapTo(Integer.class)
                    .one());
        } catch (RuntimeException e) {
            // The change itself is stored; failing the request now would hide that it happened.
            LOG.warn("Could not notify other nodes of a {} invalidation ({}); they catch up within the cache's "
                    + "staleness bound", invalidation.kind(), e.toString());
        }
    }
}
