package io.tollgate.oauth.keys;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;

/** The key that signs now, unsealed in memory only. toString never shows the private key. */
public record ActiveSigningKey(String kid, SigningAlgorithm algorithm, JWK privateKey, Instant activated) {
    public ActiveSigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(activated, "activated");
    }

    JWSSigner signer() {
        return algorithm.signer(privateKey);
    }

    @Override
    public String toString() {
        return "ActiveSigningKey[kid=" + kid + ", " + algorithm + ", activated=" + activated + "]";
    }
}
