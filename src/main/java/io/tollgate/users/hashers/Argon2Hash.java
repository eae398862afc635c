package io.tollgate.users.hashers;

import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Django's Argon2PasswordHasher: {@code argon2$argon2id$v=19$m=102400,t=2,p=8$<b64 salt>$<b64 hash>} (argon2i
 * too, and the oldest form without {@code v=}, which means version 0x10).
 */
final class Argon2Hash extends DollarFieldsHash {
    // Bounds against a crafted row making one sign-in allocate gigabytes or spin for minutes.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 64;

    Argon2Hash() {
        super("argon2", 4);
    }

    @Override
    byte[] derive(byte[] password, String[] fields, int length) {
        // "argon2", variety, [v=..], params, salt, hash
        if (fields.length < 5) {
            return null;
        }
        int type = switch (fields[1]) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            default -> -1;
        };
        int next = 2;
        int version = Argon2Parameters.ARGON2_VERSION_10;
        if (fields[next].startsWith("v=")) {
            version = Integer.parseInt(fields[next].substring(2));
            next++;
        }
        if (type < 0 || fields.length != next + 3
                || (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13)) {
            return null;
        }
        int memory = -1;
        int iterations = -1;
        int parallelism = -1;
        for (String setting : fields[next].split(",")) {
            String[] kv = setting.split("=", 2);
            int value = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> {
                    return null;
                }
            }
        }
        if (memory < 1 || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return null;
        }
        byte[] salt = decode(fields[next + 1]);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(memory)
                .withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
        byte[] actual = new byte[length];
        generator.generateBytes(password, actual);
        return actual;
    }

    /** Django's argon2 salts and hashes drop base64 padding. */
    @Override
    byte[] decode(String field) {
        return Base64.getDecoder().decode(field + "=".repeat((4 - field.length() % 4) % 4));
    }
}
