package io.tollgate.oauth.client;

import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import java.util.Objects;

/** Creates client secrets and the hash stored for them. */
public final class ClientSecrets {

    private final TokenGenerator generator;

    public ClientSecrets(TokenGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** A fresh 256-bit secret, shown to the operator once. */
    public String newSecret() {
        return generator.generate();
    }

    public String hash(String secret) {
        return TokenHasher.sha256Hex(secret);
    }
}
