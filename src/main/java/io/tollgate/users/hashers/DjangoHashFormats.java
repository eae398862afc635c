package io.tollgate.users.hashers;

import java.util.Set;
import java.util.regex.Pattern;

/** What an imported Django password column holds, decided before a row is written to Tollgate. */
public final class DjangoHashFormats {
    /** How an imported hash is carried over. */
    public enum Kind {
        /** verified at sign-in as it is, then upgraded */
        USABLE,
        /** Django's "!..." marker or empty: nobody signs in with a password */
        UNUSABLE,
        /** md5, sha1, unsalted_*, crypt: too weak to keep; imported as unusable and reported */
        WEAK,
        /** a format no Django hasher Tollgate knows writes; imported as unusable and reported */
        UNKNOWN
    }

    private static final Set<String> PBKDF2 = Set.of("pbkdf2_sha256", "pbkdf2_sha1");
    private static final Set<String> WEAK = Set.of("md5", "sha1", "unsalted_md5", "unsalted_sha1", "crypt");
    // Django's UnsaltedMD5PasswordHasher also accepts a bare 32-character hex digest.
    private static final Pattern BARE_MD5 = Pattern.compile("[0-9a-f]{32}");

    private final ForeignPasswordHashes foreign;

    public DjangoHashFormats(ForeignPasswordHashes foreign) {
        this.foreign = foreign;
    }

    public Kind classify(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.startsWith("!")) {
            return Kind.UNUSABLE;
        }
        String algorithm = algorithm(encoded);
        if (PBKDF2.contains(algorithm) || foreign.forEncoded(encoded).isPresent()) {
            return Kind.USABLE;
        }
        return WEAK.contains(algorithm) || BARE_MD5.matcher(encoded).matches() ? Kind.WEAK : Kind.UNKNOWN;
    }

    /** The algorithm name as Django writes it, for reports ("md5", "unsalted_md5", ...). */
    public static String algorithm(String encoded) {
        if (encoded == null) {
            return "";
        }
        if (BARE_MD5.matcher(encoded).matches()) {
            return "unsalted_md5";
        }
        int dollar = encoded.indexOf('$');
        return dollar < 0 ? "unknown" : encoded.substring(0, dollar);
    }
}
