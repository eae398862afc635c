package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;
import io.tollgate.persistence.DatabaseFaults;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers a health check within a bound, whatever the check waits on: a load balancer asking a node whose
 * database froze needs "unhealthy" now, not after the driver's socket time-out. At most one run of the wrapped
 * check is in flight; callers arriving meanwhile wait on that run, so a stuck database never piles up threads.
 */
public final class BoundedHealthCheck extends HealthCheck {
    private final HealthCheck check;
    private final Duration bound;
    private final ExecutorService executor;
    private final boolean lastResultWhileRunning;
    private CompletableFuture<Result> inFlight;
    private long inFlightSince;
    private volatile Result lastCompleted;

    /**
     * @param lastResultWhileRunning for a slow check of something that changes rarely: once a run has completed,
     *                               answer its result at once and refresh in the background, instead of waiting
     * @param known                  a result already established (e.g. at startup), or null
     */
    public BoundedHealthCheck(HealthCheck check, Duration bound, ExecutorService executor,
                              boolean lastResultWhileRunning, Result known) {
        this.check = check;
        this.bound = bound;
        this.executor = executor;
        this.lastResultWhileRunning = lastResultWhileRunning;
        this.lastCompleted = known;
    }

    @Override
    protected Result check() throws InterruptedException {
        CompletableFuture<Result> run = currentRun();
        Result last = lastCompleted;
        long wait = lastResultWhileRunning && last != null ? 0 : bound.toMillis();
        try {
            Result result = plain(run.get(wait, TimeUnit.MILLISECONDS));
            lastCompleted = result;
            return result;
        } catch (TimeoutException e) {
            if (lastResultWhileRunning && last != null) {
                return last;
            }
            long running = (System.nanoTime() - runningSince()) / 1_000_000;
            return Result.unhealthy("no answer within " + bound.toMillis() + " ms (the check has been waiting "
                    + running + " ms): not answering, or no free connection");
        } catch (ExecutionException e) {
            return Result.unhealthy(e.getCause());
        }
    }

    /** An outage in words rather than the driver's stack trace. */
    private static Result plain(Result result) {
        Throwable error = result.getError();
        if (error == null) {
            return result;
        }
        return DatabaseFaults.reason(error).map(Result::unhealthy).orElse(result);
    }

    private synchronized CompletableFuture<Result> currentRun() {
        if (inFlight == null || inFlight.isDone()) {
            inFlightSince = System.nanoTime();
            inFlight = CompletableFuture.supplyAsync(check::execute, executor);
        }
        return inFlight;
    }

    private synchronized long runningSince() {
        return inFlightSince;
    }
}
