package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck.Result;
import io.tollgate.persistence.PgInvalidationChannel;
import java.time.Duration;

/**
 * Unhealthy while this node cannot hear other nodes' revocations: they then reach it only within the token
 * cache's staleness bound. Answers from memory, at once.
 */
public record InvalidationChannelHealthCheck(PgInvalidationChannel channel, Duration maxStaleness)
        implements HealthProbe {
    @Override
    public Result check() {
        PgInvalidationChannel.Status status = channel.status();
        if (status.listening()) {
            return Result.builder().healthy().withMessage("Listening for other nodes' token-cache invalidations")
                    .withDetail("since", status.since().toString())
                    .withDetail("node", channel.node())
                    .withDetail("reconnects", status.reconnects())
                    .build();
        }
        return Result.builder().unhealthy()
                .withMessage("Not listening for other nodes' invalidations since " + status.since() + " ("
                        + status.problem() + "); reconnecting. Meanwhile revocations on other nodes take effect here "
                        + "within the token cache's staleness bound (" + maxStaleness.toMillis() + " ms)")
                .withDetail("reconnects", status.reconnects())
                .withDetail("node", channel.node())
                .build();
    }
}
