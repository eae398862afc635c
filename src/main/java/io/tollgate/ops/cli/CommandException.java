package io.tollgate.ops.cli;

/** A command failed for a reason the operator can act on; its message is the whole error output. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }
}
