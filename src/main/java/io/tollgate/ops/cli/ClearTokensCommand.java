package io.tollgate.ops.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.config.CleanupSettings;
import io.tollgate.oauth.cleanup.TokenPurge;
import io.tollgate.ops.ClearTokensTask;
import io.tollgate.ops.TokenCleanupJob;
import io.tollgate.persistence.JdbiTokenCleanup;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code cleartokens config.yml} (DOT's {@code manage.py cleartokens}): the same purge the server runs every
 * cleanup.interval, once, with cleanup.retention and cleanup.batchSize. Safe while servers are running.
 */
public class ClearTokensCommand extends ConfiguredCommand<TollgateConfiguration> {
    public ClearTokensCommand() {
        super("cleartokens", "Delete expired and revoked tokens and spent authorization codes");
    }

    @Override
    protected void run(Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                       TollgateConfiguration configuration) throws Exception {
        CleanupSettings cleanup = configuration.getCleanup();
        try (CliDatabase database = CliDatabase.open(configuration)) {
            TokenPurge purge = new TokenPurge(new JdbiTokenCleanup(database.jdbi()), Clock.systemUTC(),
                    cleanup.getRetention().toJavaDuration(), cleanup.getBatchSize(),
                    configuration.getSessions().getIdleTimeout().toJavaDuration(),
                    configuration.getAudit().getRetention().toJavaDuration());
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            ClearTokensTask.print(new TokenCleanupJob(purge, new MetricRegistry()).run("command"), out);
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, error);
    }
}
