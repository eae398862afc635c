package io.tollgate.ops.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.admin.OperatorActions;
import io.tollgate.ops.OperatorTask;
import java.time.Clock;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code revoke-user-tokens USER config.yml}, {@code revoke-client-tokens CLIENT_ID config.yml},
 * {@code disable-client CLIENT_ID config.yml}: the admin tasks of the same names, for when the admin port is out of
 * reach. Safe while servers run; their token caches forget within tokenCache.maxStaleness. The audit event names
 * the command line as the actor and is written before the command exits.
 */
public final class OperatorCommand extends ServicesCommand {
    static final String SOURCE = "command";
    private static final String TARGET = "target";
    private final OperatorTask.Definition definition;

    private OperatorCommand(OperatorTask.Definition definition, Clock clock) {
        super(definition.name(), definition.help(), clock);
        this.definition = definition;
    }

    public static List<OperatorCommand> all(Clock clock) {
        return OperatorTask.DEFINITIONS.stream().map(d -> new OperatorCommand(d, clock)).toList();
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument(TARGET).metavar(definition.parameter().toUpperCase(java.util.Locale.ROOT))
                .help(definition.parameter().equals("user") ? "the username" : "the application's client_id");
        super.configure(subparser);
    }

    @Override
    void run(CliServices cli, Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
             TollgateConfiguration configuration) throws Exception {
        try (OperatorConsole console = OperatorConsole.open(cli, configuration, clock())) {
            try {
                System.out.println(definition.action().run(console.actions(), OperatorActions.COMMAND_LINE, SOURCE,
                        namespace.getString(TARGET)));
            } catch (OperatorActions.UnknownTarget e) {
                throw new CommandException(e.getMessage());
            }
        }
    }
}
