package io.tollgate.ops.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the commands that create or change things share: readable validation errors. */
final class FieldErrors {
    private FieldErrors() {
    }

    /** Field errors on one line, e.g. "username: A user with that username already exists." */
    static CommandException oneLine(Map<String, List<String>> errors) {
        return new CommandException(errors.entrySet().stream()
                .map(error -> error.getKey() + ": " + String.join(" ", error.getValue()))
                .collect(Collectors.joining("; ")));
    }
}
