package io.tollgate.ops;

import io.dropwizard.servlets.tasks.Task;
import io.tollgate.oauth.cleanup.PurgeReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** POST /tasks/cleartokens on the admin port: the periodic purge, now. Prints one "kind: count" line each. */
public class ClearTokensTask extends Task {
    private final TokenCleanupJob job;

    public ClearTokensTask(TokenCleanupJob job) {
        super("cleartokens");
        this.job = job;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        print(job.run("task"), output);
    }

    /** Shared with the cleartokens command, so both speak the same lines. */
    public static void print(PurgeReport report, PrintWriter output) {
        report.deleted().forEach((kind, count) -> output.println(kind.label() + ": " + count));
        output.println("elapsed_ms: " + report.elapsed().toMillis());
        output.flush();
    }
}
