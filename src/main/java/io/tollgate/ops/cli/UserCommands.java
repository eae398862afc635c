package io.tollgate.ops.cli;

import io.tollgate.TollgateConfiguration;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserService;
import io.tollgate.users.ValidationException;
import java.time.Clock;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** What the user commands share: readable validation errors. */
final class UserCommands {
    private UserCommands() {
    }

    /** The service's field errors on one line, e.g. "username: A user with that username already exists." */
    static CommandException oneLine(ValidationException e) {
        return new CommandException(e.errors().entrySet().stream()
                .map(error -> error.getKey() + ": " + String.join(" ", error.getValue()))
                .collect(Collectors.joining("; ")));
    }
}
