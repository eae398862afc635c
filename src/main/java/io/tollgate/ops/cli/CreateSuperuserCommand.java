package io.tollgate.ops.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.users.User;
import io.tollgate.users.ValidationException;
import java.time.Clock;
import java.util.function.Supplier;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** Django's {@code manage.py createsuperuser}: a staff superuser whose password is prompted for or piped in. */
public class CreateSuperuserCommand extends PasswordCommand {
    public CreateSuperuserCommand(Clock clock) {
        this(clock, PasswordInput::system);
    }

    public CreateSuperuserCommand(Clock clock, Supplier<PasswordInput> passwords) {
        super("createsuperuser", "Create a superuser; the password is prompted for, or read as one line from "
                + "standard input when that is not a terminal", clock, passwords);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--username").required(true).help("the new superuser's username");
        subparser.addArgument("--email").setDefault("").help("the new superuser's email address");
    }

    @Override
    void run(CliServices cli, Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
             TollgateConfiguration configuration) {
        String password = readPassword();
        User user;
        try {
            user = cli.services().users().createSuperuser(namespace.getString("username"), namespace.getString("email"), password);
        } catch (ValidationException e) {
            throw FieldErrors.oneLine(e.errors());
        }
        System.out.println("Superuser " + user.username() + " created (id " + user.id() + ").");
    }
}
