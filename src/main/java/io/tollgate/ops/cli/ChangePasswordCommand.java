package io.tollgate.ops.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.NotFoundException;
import io.tollgate.users.ValidationException;
import java.time.Clock;
import java.util.function.Supplier;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** Django's {@code manage.py changepassword}: sets a user's password, prompted for or piped in. */
public class ChangePasswordCommand extends ConfiguredCommand<TollgateConfiguration> {
    private final Clock clock;
    private final Supplier<PasswordInput> passwords;

    public ChangePasswordCommand(Clock clock) {
        this(clock, PasswordInput::system);
    }

    public ChangePasswordCommand(Clock clock, Supplier<PasswordInput> passwords) {
        super("changepassword", "Set a user's password; it is prompted for, or read as one line from standard "
                + "input when that is not a terminal");
        this.clock = clock;
        this.passwords = passwords;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--username").required(true).help("whose password to change");
    }

    @Override
    protected void run(Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                       TollgateConfiguration configuration) throws Exception {
        String username = namespace.getString("username");
        try (CliServices cli = CliServices.open(configuration, clock)) {
            // Checked before prompting, so nobody types a password for a user that does not exist.
            if (new JdbiUserStore(cli.database().jdbi()).findByUsername(username).isEmpty()) {
                throw unknown(username);
            }
            try {
                cli.services().users().changePassword(username, passwords.get().read());
            } catch (ValidationException e) {
                throw UserCommands.oneLine(e);
            } catch (NotFoundException e) {
                throw unknown(username);
            }
            System.out.println("Password changed successfully for user '" + username + "'.");
        }
    }

    private static CommandException unknown(String username) {
        return new CommandException("user '" + username + "' does not exist.");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, error);
    }
}
