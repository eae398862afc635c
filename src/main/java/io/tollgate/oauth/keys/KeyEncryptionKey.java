package io.tollgate.oauth.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals signing keys at rest. It comes from the environment, never from the database it
 * protects; toString never shows it.
 */
public final class KeyEncryptionKey {
    static final int BYTES = 32;
    /** 32 random bytes show about 30 distinct values; fewer than this means a typed or patterned value. */
    private static final int MIN_DISTINCT_BYTES = 16;

    private final byte[] key;

    private KeyEncryptionKey(byte[] key) {
        this.key = key.clone();
    }

    /**
     * Reads the base64 (or base64url) text of 32 random bytes, as {@code openssl rand -base64 32} prints.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the value) when it is not 32 bytes or
     *                                  is visibly not random
     */
    public static KeyEncryptionKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the key-encryption key is empty");
        }
        byte[] bytes;
        try {
            String trimmed = text.strip();
            bytes = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not base64");
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (base64 of 32 random bytes), "
                    + "it is " + bytes.length);
        }
        Set<Byte> distinct = new HashSet<>();
        for (byte b : bytes) {
            distinct.add(b);
        }
        if (distinct.size() < MIN_DISTINCT_BYTES) {
            throw new IllegalArgumentException("the key-encryption key is too weak: it does not look random");
        }
        return new KeyEncryptionKey(bytes);
    }

    public static KeyEncryptionKey generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new KeyEncryptionKey(bytes);
    }

    /** The value to put in the environment; only for the one-time print of a generated development key. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(key);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyEncryptionKey that && java.security.MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[redacted]";
    }
}
