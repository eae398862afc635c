package io.tollgate.users.hashers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Django's Argon2PasswordHasher: {@code argon2$argon2id$v=19$m=102400,t=2,p=8$<b64 salt>$<b64 hash>} (argon2i
 * too, and the oldest form without {@code v=}, which means version 0x10).
 */
final class Argon2Hash implements ForeignPasswordHash {
    // Bounds against a crafted row making one sign-in allocate gigabytes or spin for minutes.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 64;

    @Override
    public String algorithm() {
        return "argon2";
    }

    @Override
    public boolean matches(String rawPassword, String encoded) {
        try {
            String[] parts = encoded.split("\\$", -1);
            // "argon2", variety, [v=..], params, salt, hash
            if (parts.length < 5 || !parts[0].equals("argon2")) {
                return false;
            }
            int type = switch (parts[1]) {
                case "argon2id" -> Argon2Parameters.ARGON2_id;
                case "argon2i" -> Argon2Parameters.ARGON2_i;
                case "argon2d" -> Argon2Parameters.ARGON2_d;
                default -> -1;
            };
            int next = 2;
            int version = Argon2Parameters.ARGON2_VERSION_10;
            if (parts[next].startsWith("v=")) {
                version = Integer.parseInt(parts[next].substring(2));
                next++;
            }
            if (type < 0 || parts.length != next + 3
                    || (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13)) {
                return false;
            }
            int memory = -1;
            int iterations = -1;
            int parallelism = -1;
            for (String setting : parts[next].split(",")) {
                String[] kv = setting.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> parallelism = value;
                    default -> {
                        return false;
                    }
                }
            }
            if (memory < 1 || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                    || parallelism < 1 || parallelism > MAX_PARALLELISM) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(pad(parts[next + 1]));
            byte[] expected = Base64.getDecoder().decode(pad(parts[next + 2]));
            if (expected.length < 4) {
                return false;
            }
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(memory)
                    .withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
            byte[] actual = new byte[expected.length];
            generator.generateBytes(rawPassword.getBytes(StandardCharsets.UTF_8), actual);
            return MessageDigest.isEqual(actual, expected);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
