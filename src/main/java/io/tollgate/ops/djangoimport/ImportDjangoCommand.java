package io.tollgate.ops.djangoimport;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.ops.cli.CliDatabase;
import io.tollgate.ops.cli.CommandErrors;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code importdjango --source URL [--dry-run] [--only users,groups,applications,tokens] config.yml}: moves a
 * Django OAuth Toolkit deployment's users, groups, applications and live tokens into Tollgate.
 */
public class ImportDjangoCommand extends ConfiguredCommand<TollgateConfiguration> {
    public ImportDjangoCommand() {
        super("importdjango", "Import users, groups, applications and live tokens from a Django OAuth Toolkit database");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--source").required(true).metavar("URL")
                .help("jdbc:postgresql://host/db (user and password from DJANGO_DATABASE_USER and "
                        + "DJANGO_DATABASE_PASSWORD, or a prompt) or the path of a SQLite file");
        subparser.addArgument("--dry-run").action(Arguments.storeTrue())
                .help("print the plan and the report, write nothing");
        subparser.addArgument("--only").setDefault("").metavar("PARTS")
                .help("comma-separated: users, groups, applications, tokens (default: all)");
        subparser.addArgument("--batch-size").type(Integer.class).setDefault(DjangoImport.DEFAULT_BATCH_SIZE)
                .help("rows per transaction (default " + DjangoImport.DEFAULT_BATCH_SIZE + ")");
    }

    @Override
    protected void run(Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                       TollgateConfiguration configuration) throws Exception {
        Set<DjangoImport.Part> only = DjangoImport.Part.parse(namespace.getString("only"));
        boolean dryRun = namespace.getBoolean("dry_run");
        int batchSize = Math.max(1, Math.min(10_000, namespace.getInt("batch_size")));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (SourceDatabase source = SourceDatabase.open(namespace.getString("source"), System.getenv(),
                System.console())) {
            DotSchema schema = DotSchema.detect(source.connection());
            out.println("Source: " + source.description());
            out.println("Found: " + schema.describe());
            // Like `db migrate`: a batch of thousands of rows on a busy database may take longer than the server's
            // per-request statement and socket time-outs allow, and an operator watches this command.
            configuration.getDatabase().forMigrations();
            if (configuration.getDatabase().getUrl().startsWith("jdbc:postgresql:")) {
                // Sends each batch as multi-row INSERTs. Safe here: the import never reads a batch's update counts
                // (it learns what is present before inserting), which is what the rewrite gives up.
                configuration.getDatabase().getProperties().putIfAbsent("reWriteBatchedInserts", "true");
            }
            try (CliDatabase database = CliDatabase.open(configuration)) {
                var lifetime = configuration.getOauth().getRefreshTokenLifetime();
                Duration refreshLifetime = lifetime == null ? null : lifetime.toJavaDuration();
                // A bar that redraws itself only makes sense on a terminal; logs and CI get plain lines.
                Progress progress = Progress.forOutput(System.console() != null ? System.err : out,
                        System.console() != null);
                long started = System.nanoTime();
                ImportReport report = new DjangoImport(source, schema, database.jdbi(), Clock.systemUTC(),
                        refreshLifetime, progress, batchSize).run(only, dryRun);
                report.print(out, dryRun);
                out.printf("Took %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, error);
    }
}
