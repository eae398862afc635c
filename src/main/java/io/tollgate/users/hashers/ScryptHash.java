package io.tollgate.users.hashers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.generators.SCrypt;

/** Django's ScryptPasswordHasher (Django 4.0+): {@code scrypt$<n>$<salt>$<r>$<p>$<b64 hash of 64 bytes>}. */
final class ScryptHash implements ForeignPasswordHash {
    // Bounds against a crafted row: Django's default is n=2^14, r=8, p=1 (16 MiB).
    private static final int MAX_N = 1 << 20;
    private static final int MAX_R = 32;
    private static final int MAX_P = 16;

    @Override
    public String algorithm() {
        return "scrypt";
    }

    @Override
    public boolean matches(String rawPassword, String encoded) {
        try {
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 6 || !parts[0].equals("scrypt") || parts[2].isEmpty()) {
                return false;
            }
            int n = Integer.parseInt(parts[1]);
            int r = Integer.parseInt(parts[3]);
            int p = Integer.parseInt(parts[4]);
            if (n < 2 || n > MAX_N || Integer.bitCount(n) != 1 || r < 1 || r > MAX_R || p < 1 || p > MAX_P) {
                return false;
            }
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            if (expected.length < 16) {
                return false;
            }
            byte[] actual = SCrypt.generate(rawPassword.getBytes(StandardCharsets.UTF_8),
                    parts[2].getBytes(StandardCharsets.UTF_8), n, r, p, expected.length);
            return MessageDigest.isEqual(actual, expected);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
