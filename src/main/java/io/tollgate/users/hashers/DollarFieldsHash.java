package io.tollgate.users.hashers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A Django format of {@code $}-separated fields, the algorithm's name first and the base64 hash last. The split, the
 * decoding, the constant-time comparison and "malformed is false, never an exception" live here; a format says
 * how its parameters derive the hash.
 */
abstract class DollarFieldsHash implements ForeignPasswordHash {
    private final String algorithm;
    private final int minHashBytes;

    DollarFieldsHash(String algorithm, int minHashBytes) {
        this.algorithm = algorithm;
        this.minHashBytes = minHashBytes;
    }

    /**
     * The hash of {@code password} under the parameters in {@code fields} ({@code fields[0]} is the algorithm),
     * {@code length} bytes long; null when the fields are malformed or beyond the format's bounds.
     */
    abstract byte[] derive(byte[] password, String[] fields, int length);

    /** A base64 field as bytes; a format whose fields drop base64 padding overrides this. */
    byte[] decode(String field) {
        return Base64.getDecoder().decode(field);
    }

    @Override
    public final String algorithm() {
        return algorithm;
    }

    @Override
    public final boolean matches(String rawPassword, String encoded) {
        try {
            String[] fields = encoded.split("\\$", -1);
            if (!fields[0].equals(algorithm)) {
                return false;
            }
            byte[] expected = decode(fields[fields.length - 1]);
            if (expected.length < minHashBytes) {
                return false;
            }
            byte[] actual = derive(rawPassword.getBytes(StandardCharsets.UTF_8), fields, expected.length);
            return actual != null && MessageDigest.isEqual(actual, expected);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
