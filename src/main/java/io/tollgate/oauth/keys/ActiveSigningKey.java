package io.tollgate.oauth.keys;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import io.tollgate.oauth.model.Require;
import java.time.Instant;

/** The key that signs now, unsealed in memory only. toString never shows the private key. */
public record ActiveSigningKey(String kid, SigningAlgorithm algorithm, JWK privateKey, Instant activated) {
    public ActiveSigningKey {
        Require.nonNull("kid algorithm privateKey activated", kid, algorithm, privateKey, activated);
    }

    JWSSigner signer() {
        return algorithm.signer(privateKey);
    }

    @Override
    public String toString() {
        return "ActiveSigningKey[kid=" + kid + ", " + algorithm + ", activated=" + activated + "]";
    }
}
