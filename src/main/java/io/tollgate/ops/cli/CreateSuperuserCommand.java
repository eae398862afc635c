package io.tollgate.ops.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.users.User;
import io.tollgate.users.ValidationException;
import java.time.Clock;
import java.util.function.Supplier;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** Django's {@code manage.py createsuperuser}: a staff superuser whose password is prompted for or piped in. */
public class CreateSuperuserCommand extends ConfiguredCommand<TollgateConfiguration> {
    private final Clock clock;
    private final Supplier<PasswordInput> passwords;

    public CreateSuperuserCommand(Clock clock) {
        this(clock, PasswordInput::system);
    }

    public CreateSuperuserCommand(Clock clock, Supplier<PasswordInput> passwords) {
        super("createsuperuser", "Create a superuser; the password is prompted for, or read as one line from "
                + "standard input when that is not a terminal");
        this.clock = clock;
        this.passwords = passwords;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--username").required(true).help("the new superuser's username");
        subparser.addArgument("--email").setDefault("").help("the new superuser's email address");
    }

    @Override
    protected void run(Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                       TollgateConfiguration configuration) throws Exception {
        try (CliServices cli = CliServices.open(configuration, clock)) {
            String password = passwords.get().read();
            User user;
            try {
                user = cli.services().users().createSuperuser(namespace.getString("username"), namespace.getString("email"), password);
            } catch (ValidationException e) {
                throw UserCommands.oneLine(e);
            }
            System.out.println("Superuser " + user.username() + " created (id " + user.id() + ").");
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, error);
    }
}
