package io.tollgate.ops.cli;

import java.time.Clock;
import java.util.function.Supplier;

/** A user command that takes a password: prompted for, or one line from standard input when that is no terminal. */
abstract class PasswordCommand extends ServicesCommand {
    private final Supplier<PasswordInput> passwords;

    PasswordCommand(String name, String description, Clock clock, Supplier<PasswordInput> passwords) {
        super(name, description, clock);
        this.passwords = passwords;
    }

    final String readPassword() {
        return passwords.get().read();
    }
}
