package io.tollgate.ops.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a command gets a password: typed twice at a terminal, or one line of standard input when there is no
 * terminal, so scripts can pipe it. Never from the command line, where the process list would show it.
 */
public final class PasswordInput {
    private final Console console;
    private final InputStream stdin;

    PasswordInput(Console console, InputStream stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    /** The process's terminal if it has one, else its standard input. */
    public static PasswordInput system() {
        return new PasswordInput(System.console(), System.in);
    }

    /** Reads from this stream only, as a process without a terminal does. */
    public static PasswordInput of(InputStream stdin) {
        return new PasswordInput(null, stdin);
    }

    public String read() {
        String password = console != null ? prompt() : firstLine();
        if (password.isEmpty()) {
            throw new CommandException("Blank passwords aren't allowed.");
        }
        return password;
    }

    private String prompt() {
        char[] first = console.readPassword("Password: ");
        char[] second = first == null ? null : console.readPassword("Password (again): ");
        if (first == null || second == null) {
            throw new CommandException("no password entered.");
        }
        try {
            if (!Arrays.equals(first, second)) {
                throw new CommandException("Your passwords didn't match.");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }

    private String firstLine() {
        try {
            // Not closed: closing would close the process's standard input.
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new CommandException("no password on standard input (pipe it in, one line).");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
