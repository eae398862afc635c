package io.tollgate.ops.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import java.time.Clock;
import java.util.function.Supplier;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * A command on one user, named by {@code --username}, that takes a password: prompted for, or one line from
 * standard input when that is no terminal (never an argument, which the process list would show).
 */
abstract class PasswordCommand extends ServicesCommand {
    private static final String USERNAME = "username";
    private final String usernameHelp;
    private final Supplier<PasswordInput> passwords;

    PasswordCommand(String name, String description, String usernameHelp, Clock clock,
                    Supplier<PasswordInput> passwords) {
        super(name, description, clock);
        this.usernameHelp = usernameHelp;
        this.passwords = passwords;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--" + USERNAME).required(true).help(usernameHelp);
    }

    /** What a user command needs: the services and its arguments. */
    abstract void run(CliServices cli, Namespace namespace);

    @Override
    final void run(CliServices cli, Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                   TollgateConfiguration configuration) {
        run(cli, namespace);
    }

    static String username(Namespace namespace) {
        return namespace.getString(USERNAME);
    }

    final String readPassword() {
        return passwords.get().read();
    }
}
