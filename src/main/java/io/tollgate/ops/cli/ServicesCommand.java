package io.tollgate.ops.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command that works on the database through the services the server assembles, opened for the command and
 * closed after it; a failure is one line on stderr ({@link CommandErrors}).
 */
abstract class ServicesCommand extends ConfiguredCommand<TollgateConfiguration> {
    private final Clock clock;

    ServicesCommand(String name, String description, Clock clock) {
        super(name, description);
        this.clock = clock;
    }

    /** Runs with {@code cli} open; it is closed when this returns or throws. */
    abstract void run(CliServices cli, Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                      TollgateConfiguration configuration) throws Exception;

    final Clock clock() {
        return clock;
    }

    @Override
    protected final void run(Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                             TollgateConfiguration configuration) throws Exception {
        try (CliServices cli = CliServices.open(configuration, clock)) {
            run(cli, bootstrap, namespace, configuration);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, error);
    }
}
