package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;
import io.tollgate.persistence.PgInvalidationChannel;
import java.time.Duration;

/**
 * Unhealthy while this node cannot hear other nodes' revocations: they then reach it only within the token
 * cache's staleness bound. Answers from memory, at once.
 */
public class InvalidationChannelHealthCheck extends HealthCheck {
    private final PgInvalidationChannel channel;
    private final Duration maxStaleness;

    public InvalidationChannelHealthCheck(PgInvalidationChannel channel, Duration maxStaleness) {
        this.channel = channel;
        this.maxStaleness = maxStaleness;
    }

    @Override
    protected Result check() {
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
