package io.tollgate.users.hashers;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.SCrypt;

/** Django's ScryptPasswordHasher (Django 4.0+): {@code scrypt$<n>$<salt>$<r>$<p>$<b64 hash of 64 bytes>}. */
final class ScryptHash extends DollarFieldsHash {
    // Bounds against a crafted row: Django's default is n=2^14, r=8, p=1 (16 MiB).
    private static final int MAX_N = 1 << 20;
    private static final int MAX_R = 32;
    private static final int MAX_P = 16;

    ScryptHash() {
        super("scrypt", 16);
    }

    @Override
    byte[] derive(byte[] password, String[] fields, int length) {
        if (fields.length != 6 || fields[2].isEmpty()) {
            return null;
        }
        int n = Integer.parseInt(fields[1]);
        int r = Integer.parseInt(fields[3]);
        int p = Integer.parseInt(fields[4]);
        if (n < 2 || n > MAX_N || Integer.bitCount(n) != 1 || r < 1 || r > MAX_R || p < 1 || p > MAX_P) {
            return null;
        }
        return SCrypt.generate(password, fields[2].getBytes(StandardCharsets.UTF_8), n, r, p, length);
    }
}
