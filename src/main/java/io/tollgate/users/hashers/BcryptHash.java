package io.tollgate.users.hashers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Django's BCryptSHA256PasswordHasher ({@code bcrypt_sha256$$2b$12$...}, the password pre-hashed to SHA-256 hex
 * so that more than 72 bytes count) and BCryptPasswordHasher ({@code bcrypt$$2b$12$...}, the raw password).
 */
final class BcryptHash implements ForeignPasswordHash {
    private static final int BCRYPT_MAX_BYTES = 72;
    private static final int MAX_COST = 16;

    private final String algorithm;
    private final boolean preHash;

    private BcryptHash(String algorithm, boolean preHash) {
        this.algorithm = algorithm;
        this.preHash = preHash;
    }

    static BcryptHash plain() {
        return new BcryptHash("bcrypt", false);
    }

    static BcryptHash sha256() {
        return new BcryptHash("bcrypt_sha256", true);
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public boolean matches(String rawPassword, String encoded) {
        String prefix = algorithm + "$";
        if (!encoded.startsWith(prefix)) {
            return false;
        }
        String bcrypt = encoded.substring(prefix.length());
        // "$2b$12$" + 53 characters of salt and hash
        if (bcrypt.length() != 60 || !bcrypt.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
            return false;
        }
        if (Integer.parseInt(bcrypt.substring(4, 6)) > MAX_COST) {
            return false;
        }
        byte[] password = rawPassword.getBytes(StandardCharsets.UTF_8);
        if (preHash) {
            password = HexFormat.of().formatHex(sha256(password)).getBytes(StandardCharsets.US_ASCII);
        } else if (password.length > BCRYPT_MAX_BYTES) {
            // Python's bcrypt (what Django calls) ignores everything past 72 bytes; so must we to verify the same.
            password = Arrays.copyOf(password, BCRYPT_MAX_BYTES);
        }
        try {
            return OpenBSDBCrypt.checkPassword(bcrypt, password);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }
}
