package io.tollgate.ops;

import io.dropwizard.lifecycle.Managed;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The start's check for pending migrations, run beside the rest of the start instead of before it (Liquibase
 * reading its changelog was about a quarter of the main thread's start-up time), yet still before anything is
 * served: registered as the first managed object, it is started, and so awaited, before Jetty opens its
 * connectors. A server whose schema is behind the code never answers a request.
 */
public final class MigrationGate implements Managed {
    private final FutureTask<List<String>> check;

    private MigrationGate(PendingMigrations migrations) {
        this.check = new FutureTask<>(migrations::list);
    }

    /** Starts the check on a thread of its own. */
    public static MigrationGate begin(PendingMigrations migrations) {
        MigrationGate gate = new MigrationGate(migrations);
        Thread thread = new Thread(gate.check, "pending-migrations-check");
        thread.setDaemon(true);
        thread.start();
        return gate;
    }

    /** Waits for the check; fails with what an operator must do when changesets are pending. */
    public void requireNone() throws Exception {
        List<String> pending;
        try {
            pending = check.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        PendingMigrations.requireNone(pending);
    }

    @Override
    public void start() throws Exception {
        requireNone();
    }
}
