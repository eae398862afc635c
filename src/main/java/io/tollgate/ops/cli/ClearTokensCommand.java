package io.tollgate.ops.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.cleanup.TokenPurge;
import io.tollgate.ops.ClearTokensTask;
import io.tollgate.ops.TokenCleanupJob;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code cleartokens config.yml} (DOT's {@code manage.py cleartokens}): the same purge the server runs every
 * cleanup.interval, once, with cleanup.retention and cleanup.batchSize. Safe while servers are running.
 */
public class ClearTokensCommand extends ServicesCommand {
    public ClearTokensCommand(Clock clock) {
        super("cleartokens", "Delete expired and revoked tokens and spent authorization codes", clock);
    }

    @Override
    void run(CliServices cli, Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
             TollgateConfiguration configuration) {
        TokenPurge purge = cli.services().oauth().purge();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        ClearTokensTask.print(new TokenCleanupJob(purge, new MetricRegistry()).run("command"), out);
    }
}
