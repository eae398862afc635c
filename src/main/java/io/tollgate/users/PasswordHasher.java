package io.tollgate.users;

import io.tollgate.users.hashers.ForeignPasswordHash;
import io.tollgate.users.hashers.ForeignPasswordHashes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django-compatible password hashing: {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}.
 *
 * <p>Hashes move freely between Tollgate and a Django user table in both directions. Legacy Django
 * {@code pbkdf2_sha1} hashes are verified too, and always flagged for rehash; so are the other formats Django
 * writes (argon2, bcrypt_sha256, bcrypt, scrypt), which arrive with users imported from Django.
 */
public class PasswordHasher {

    public static final String ALGORITHM = "pbkdf2_sha256";
    static final String LEGACY_ALGORITHM = "pbkdf2_sha1";
    /** Django's User.set_unusable_password() marker prefix. */
    public static final String UNUSABLE_PREFIX = "!";

    private static final String SALT_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // Django: ceil(128 bits / log2(62)) characters; shorter (older Django) salts get upgraded.
    static final int SALT_LENGTH = 22;
    private static final int UNUSABLE_SUFFIX_LENGTH = 40;
    // Django's int() parse is laxer; we accept only what Django itself ever writes.
    private static final Pattern ITERATIONS = Pattern.compile("[1-9][0-9]{0,9}");

    /** Outcome of checking a password against a stored hash. */
    public record Verification(boolean matches, boolean needsRehash) {
        public Verification {
            if (needsRehash && !matches) {
                throw new IllegalArgumentException("only a matching password can be rehashed");
            }
        }

        static final Verification NO_MATCH = new Verification(false, false);
    }

    private final int iterations;
    private final SecureRandom random;
    private final ForeignPasswordHashes foreign;

    public PasswordHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    PasswordHasher(int iterations, SecureRandom random) {
        this(iterations, random, ForeignPasswordHashes.django());
    }

    PasswordHasher(int iterations, SecureRandom random, ForeignPasswordHashes foreign) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
        this.foreign = Objects.requireNonNull(foreign, "foreign");
    }

    public int iterations() {
        return iterations;
    }

    public String hash(String rawPassword) {
        String problem = passwordProblem(rawPassword);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String salt = randomString(SALT_LENGTH);
        String digest = derive("PBKDF2WithHmacSHA256", 32, rawPassword, salt, iterations);
        return ALGORITHM + "$" + iterations + "$" + salt + "$" + digest;
    }

    /** A Django-style unusable password: no raw password ever verifies against it. */
    public String unusable() {
        return UNUSABLE_PREFIX + randomString(UNUSABLE_SUFFIX_LENGTH);
    }

    public Verification verify(String rawPassword, String encoded) {
        Optional<ForeignPasswordHash> format = foreign.forEncoded(encoded);
        if (format.isPresent() && passwordProblem(rawPassword) == null) {
            // Any foreign format is replaced by the configured PBKDF2 at the first successful check.
            return format.get().matches(rawPassword, encoded) ? new Verification(true, true) : Verification.NO_MATCH;
        }
        Parsed parsed = Parsed.of(encoded);
        if (parsed == null || passwordProblem(rawPassword) != null) {
            // Same cost as a real check, so a broken or unusable hash is not visible by timing.
            verifyDummy("dummy");
            return Verification.NO_MATCH;
        }
        String actual = derive(parsed.jcaName(), parsed.keyLength(), rawPassword, parsed.salt, parsed.iterations);
        boolean matches = MessageDigest.isEqual(
                actual.getBytes(StandardCharsets.US_ASCII), parsed.hash.getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            hardenRuntime(parsed);
            return Verification.NO_MATCH;
        }
        // A lowered setting never weakens hashes already stored; only upgrades happen.
        boolean needsRehash = !parsed.algorithm.equals(ALGORITHM)
                || parsed.iterations < iterations
                || parsed.salt.length() < SALT_LENGTH;
        return new Verification(true, needsRehash);
    }

    /** Spends the work of one real verification, for logins naming no known user. */
    public void verifyDummy(String rawPassword) {
        String password = passwordProblem(rawPassword) == null ? rawPassword : "dummy";
        derive("PBKDF2WithHmacSHA256", 32, password, randomString(SALT_LENGTH), iterations);
    }

    /** Null when the password can be hashed unambiguously, else why not. */
    static String passwordProblem(String rawPassword) {
        if (rawPassword == null) {
            return "password must not be null";
        }
        // PBKDF2 keys HMAC with the password and HMAC zero-pads short keys, so "secret" and "secret\0" would hash alike.
        if (rawPassword.indexOf('\0') >= 0) {
            return "password must not contain a NUL character";
        }
        // The JDK encodes a lone surrogate as '?', so "a\uD800" and "a?" would hash alike.
        for (int i = 0; i < rawPassword.length(); i++) {
            char c = rawPassword.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < rawPassword.length()
                    && Character.isLowSurrogate(rawPassword.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "password must not contain an unpaired surrogate character";
            }
        }
        return null;
    }

    // Like Django: a failed check against a cheaper stored hash still costs the configured work.
    private void hardenRuntime(Parsed parsed) {
        int extra = iterations - parsed.iterations;
        if (extra > 0 && parsed.algorithm.equals(ALGORITHM)) {
            derive("PBKDF2WithHmacSHA256", 32, "dummy", parsed.salt, extra);
        }
    }

    private String randomString(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String derive(String jcaName, int keyLength, String password, String salt, int iterations) {
        char[] chars = password.toCharArray();
        // SunJCE's PBKDF2 turns the chars into UTF-8, as Django's force_bytes does.
        PBEKeySpec spec = new PBEKeySpec(chars, salt.getBytes(StandardCharsets.UTF_8), iterations, keyLength * 8);
        try {
            byte[] key = SecretKeyFactory.getInstance(jcaName).generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private record Parsed(String algorithm, int iterations, String salt, String hash) {

        static Parsed of(String encoded) {
            if (encoded == null || encoded.startsWith(UNUSABLE_PREFIX)) {
                return null;
            }
            String[] parts = encoded.split("\\$", 4);
            if (parts.length != 4
                    || !(parts[0].equals(ALGORITHM) || parts[0].equals(LEGACY_ALGORITHM))
                    || !ITERATIONS.matcher(parts[1]).matches()
                    || parts[2].isEmpty()
                    || parts[3].isEmpty()) {
                return null;
            }
            long iterations = Long.parseLong(parts[1]);
            if (iterations > Integer.MAX_VALUE) {
                return null;
            }
            return new Parsed(parts[0], (int) iterations, parts[2], parts[3]);
        }

        String jcaName() {
            return algorithm.equals(ALGORITHM) ? "PBKDF2WithHmacSHA256" : "PBKDF2WithHmacSHA1";
        }

        int keyLength() {
            return algorithm.equals(ALGORITHM) ? 32 : 20;
        }
    }
}
