package io.tollgate.ops.cli;

import io.dropwizard.core.cli.Cli;
import java.sql.SQLException;

/** One line on stderr per failed command, never a stack trace; the process still exits non-zero. */
public final class CommandErrors {
    private CommandErrors() {
    }

    public static void print(Cli cli, Throwable error) {
        cli.getStdErr().println("Error: " + describe(error));
    }

    static String describe(Throwable error) {
        if (error instanceof CommandException || error instanceof IllegalStateException) {
            return error.getMessage();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "the database is unreachable or refused the operation: " + sql.getMessage();
            }
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
