package io.tollgate.ops;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge every {@code interval} on each node (cleanup.* in config), starting one interval after
 * startup so a fleet restarting together does not purge at boot. Fixed delay, so runs never overlap on a node.
 */
public class PeriodicTokenCleanup implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTokenCleanup.class);

    private final TokenCleanupJob job;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private ScheduledFuture<?> scheduled;

    public PeriodicTokenCleanup(TokenCleanupJob job, ScheduledExecutorService executor, Duration interval) {
        this.job = job;
        this.executor = executor;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduled = executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduled != null) {
            // Interrupting lets the purge stop between batches; each batch is its own transaction.
            scheduled.cancel(true);
        }
    }

    private void runOnce() {
        try {
            job.run("schedule");
        } catch (RuntimeException e) {
            // An exception would silently end the schedule; log it and try again next interval.
            LOG.error("Token cleanup failed; retrying in {}", interval, e);
        }
    }
}
