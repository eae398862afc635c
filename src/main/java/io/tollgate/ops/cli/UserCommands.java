package io.tollgate.ops.cli;

import io.tollgate.users.ValidationException;
import java.util.stream.Collectors;

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
