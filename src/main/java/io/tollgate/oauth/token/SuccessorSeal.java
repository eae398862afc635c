package io.tollgate.oauth.token;

import io.tollgate.oauth.model.ScopeSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the pair a refresh token was rotated into, so that within the reuse grace the same pair can be handed
 * out again although the store keeps only hashes. The AES-256-GCM key is HMAC-SHA256(old refresh token, label):
 * whoever can open the seal already holds the old token, and a database dump alone opens nothing. The old
 * token's hash is the associated data, so a seal copied onto another row does not open.
 */
public final class SuccessorSeal {

    private static final byte[] LABEL = "tollgate/refresh-token-successor/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;

    public SuccessorSeal() {
        this(new SecureRandom());
    }

    public SuccessorSeal(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The pair sealed for the holder of {@code oldRefreshToken}: base64url(iv || ciphertext+tag). */
    public String seal(String oldRefreshToken, Successor successor) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, oldRefreshToken, iv);
            byte[] sealed = cipher.doFinal(successor.encode());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is mandatory on every JVM", e);
        }
    }

    /** The pair, or empty when the seal was not made for this token or was tampered with. */
    public Optional<Successor> open(String oldRefreshToken, String sealed) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOfRange(bytes, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, oldRefreshToken, iv);
            return Successor.decode(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String oldRefreshToken, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key(oldRefreshToken), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(TokenHasher.sha256Hex(oldRefreshToken).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    // HKDF-Extract/Expand collapses to one HMAC here: the input is already 256 uniformly random bits.
    private static byte[] key(String oldRefreshToken) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(oldRefreshToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(LABEL);
    }

    /** The plaintext pair a rotation produced and the access token's scope. */
    public record Successor(String accessToken, String refreshToken, ScopeSet scope) {
        public Successor {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(scope, "scope");
        }

        // Tokens are base64url and scope tokens printable ASCII, so '\n' cannot occur inside a field.
        byte[] encode() {
            return (accessToken + "\n" + refreshToken + "\n" + scope.asString()).getBytes(StandardCharsets.UTF_8);
        }

        static Optional<Successor> decode(byte[] plain) {
            String[] parts = new String(plain, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Successor(parts[0], parts[1], ScopeSet.parse(parts[2])));
        }

        @Override
        public String toString() {
            return "Successor[scope=" + scope.asString() + "]";
        }
    }
}
