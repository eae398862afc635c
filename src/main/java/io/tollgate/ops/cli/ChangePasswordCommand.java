package io.tollgate.ops.cli;

import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.NotFoundException;
import io.tollgate.users.ValidationException;
import java.time.Clock;
import java.util.function.Supplier;
import net.sourceforge.argparse4j.inf.Namespace;

/** Django's {@code manage.py changepassword}: sets a user's password, prompted for or piped in. */
public class ChangePasswordCommand extends PasswordCommand {
    public ChangePasswordCommand(Clock clock, Supplier<PasswordInput> passwords) {
        super("changepassword", "Set a user's password; it is prompted for, or read as one line from standard "
                + "input when that is not a terminal", "whose password to change", clock, passwords);
    }

    @Override
    void run(CliServices cli, Namespace namespace) {
        String username = username(namespace);
        // Checked before prompting, so nobody types a password for a user that does not exist.
        if (new JdbiUserStore(cli.database().jdbi()).findByUsername(username).isEmpty()) {
            throw unknown(username);
        }
        try {
            cli.services().users().changePassword(username, readPassword());
        } catch (ValidationException e) {
            throw FieldErrors.oneLine(e.errors());
        } catch (NotFoundException e) {
            throw unknown(username);
        }
        System.out.println("Password changed successfully for user '" + username + "'.");
    }

    private static CommandException unknown(String username) {
        return new CommandException("user '" + username + "' does not exist.");
    }
}
