package io.tollgate.ops.cli;

import io.tollgate.users.User;
import io.tollgate.users.ValidationException;
import java.time.Clock;
import java.util.function.Supplier;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** Django's {@code manage.py createsuperuser}: a staff superuser whose password is prompted for or piped in. */
public class CreateSuperuserCommand extends PasswordCommand {
    public CreateSuperuserCommand(Clock clock, Supplier<PasswordInput> passwords) {
        super("createsuperuser", "Create a superuser; the password is prompted for, or read as one line from "
                + "standard input when that is not a terminal", "the new superuser's username", clock, passwords);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--email").setDefault("").help("the new superuser's email address");
    }

    @Override
    void run(CliServices cli, Namespace namespace) {
        String password = readPassword();
        User user;
        try {
            user = cli.services().users().createSuperuser(username(namespace), namespace.getString("email"), password);
        } catch (ValidationException e) {
            throw FieldErrors.oneLine(e.errors());
        }
        System.out.println("Superuser " + user.username() + " created (id " + user.id() + ").");
    }
}
