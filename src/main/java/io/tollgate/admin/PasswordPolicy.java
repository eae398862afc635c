package io.tollgate.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a password set through the console must meet, after Django's default validators (minimum length,
 * not entirely numeric, not the username, not a common password). The API keeps the tutorial's behaviour.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    private static final Set<String> COMMON = Set.of("password", "password1", "12345678", "123456789", "qwertyuiop",
            "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1", "admin123", "letmein1",
            "passw0rd", "trustno1", "superman", "11111111", "abc12345", "changeme", "qwerty123");

    private PasswordPolicy() {
    }

    /** The problems with this password, in Django's words; empty when it is acceptable. */
    public static List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add("This password is too short. It must contain at least " + MIN_LENGTH + " characters.");
        }
        if (!password.isEmpty() && password.chars().allMatch(Character::isDigit)) {
            problems.add("This password is entirely numeric.");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            problems.add("This password is too common.");
        }
        if (username != null && !username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("The password is too similar to the username.");
        }
        return problems;
    }
}
