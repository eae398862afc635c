package io.tollgate.ops.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
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
public class ClearTokensCommand extends ConfiguredCommand<TollgateConfiguration> {
    private final Clock clock;

    public ClearTokensCommand(Clock clock) {
        super("cleartokens", "Delete expired and revoked tokens and spent authorization codes");
        this.clock = clock;
    }

    @Override
    protected void run(Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                       TollgateConfiguration configuration) throws Exception {
        try (CliServices cli = CliServices.open(configuration, clock)) {
            TokenPurge purge = cli.services().oauth().purge();
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            ClearTokensTask.print(new TokenCleanupJob(purge, new MetricRegistry()).run("command"), out);
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, error);
    }
}
