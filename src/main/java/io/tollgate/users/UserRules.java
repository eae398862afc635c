package io.tollgate.users;

import java.util.regex.Pattern;

/** Django's field rules for auth_user, kept apart from the service so they read as a list (and importdjango). */
public final class UserRules {

    public static final int USERNAME_MAX = 150;
    public static final int NAME_MAX = 150;
    public static final int EMAIL_MAX = 254;

    static final String USERNAME_INVALID =
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";
    static final String USERNAME_TAKEN = "A user with that username already exists.";
    static final String EMAIL_INVALID = "Enter a valid email address.";

    // Django's UnicodeUsernameValidator: Python's \w is Unicode-aware, hence UNICODE_CHARACTER_CLASS; \z, not $,
    // so a trailing newline cannot slip through.
    private static final Pattern USERNAME = Pattern.compile("\\A[\\w.@+-]+\\z", Pattern.UNICODE_CHARACTER_CLASS);

    // A practical subset of Django's EmailValidator: dot-atom local part, dotted domain with a letter TLD, or
    // localhost. Internationalised domains pass as Unicode letters.
    private static final Pattern EMAIL = Pattern.compile(
            "\\A[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:localhost|(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
                    + "(?:\\p{L}{2,63}|xn--[a-z0-9-]{1,59}))\\z",
            Pattern.CASE_INSENSITIVE);

    private UserRules() {}

    public static boolean validUsername(String username) {
        return USERNAME.matcher(username).matches();
    }

    static boolean validEmail(String email) {
        return EMAIL.matcher(email).matches();
    }
}
