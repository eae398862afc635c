package io.tollgate.oauth.token;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Opaque 256-bit random values (43 base64url characters) for tokens, codes, client ids and secrets. */
public final class TokenGenerator {

    private static final int BYTES = 32;

    private final SecureRandom random;
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    public TokenGenerator() {
        this(new SecureRandom());
    }

    public TokenGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String generate() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }
}
