package io.tollgate.oauth.device;

import io.tollgate.oauth.token.TokenHasher;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 8628 §6.1 user codes: 8 characters from a 32-character alphabet without 0, O, 1 and I (people misread
 * them), so 40 bits of entropy. Shown as {@code XXXX-XXXX}; accepted with or without the dash, in any case and
 * with stray spaces, because people copy them from a TV screen.
 */
public final class UserCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    /** Anything longer is not a mistyped code but junk, and is refused before any work is done. */
    private static final int MAX_TYPED = 64;

    private final SecureRandom random;

    public UserCodes() {
        this(new SecureRandom());
    }

    public UserCodes(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new code in its canonical form: 8 characters, upper case, no dash. */
    public String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The canonical form of what a person typed, or empty when it cannot be a code of ours. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '-' || c == ' ' || c == '\t') {
                continue;
            }
            // ASCII first: Character.toUpperCase maps some non-ASCII letters (the long s) onto ASCII ones.
            char upper = c > 0x7F ? c : Character.toUpperCase(c);
            if (ALPHABET.indexOf(upper) < 0) {
                return Optional.empty();
            }
            canonical.append(upper);
        }
        return canonical.length() == LENGTH ? Optional.of(canonical.toString()) : Optional.empty();
    }

    /** {@code ABCD-EFGH}: a dash in the middle is easier to read and to type than 8 characters in a row. */
    public static String display(String canonical) {
        return canonical.substring(0, LENGTH / 2) + "-" + canonical.substring(LENGTH / 2);
    }

    /** What the store keeps; only canonical codes are hashed, so every spelling of one code finds it. */
    public static String hash(String canonical) {
        return TokenHasher.sha256Hex(canonical.toUpperCase(Locale.ROOT));
    }
}
