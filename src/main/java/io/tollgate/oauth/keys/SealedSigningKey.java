package io.tollgate.oauth.keys;

import io.tollgate.oauth.model.Require;
import java.time.Instant;

/**
 * A signing key as stored: the public JWK in clear (it is published anyway), the private JWK only sealed under
 * the key-encryption key. {@code activated} is when it began signing, {@code retired} when it stopped, and
 * {@code verifyUntil} when the last token it could have signed expires (null while it may still sign).
 */
public record SealedSigningKey(String kid, SigningAlgorithm algorithm, KeyState state, String publicJwk,
                               String sealedPrivateJwk, Instant created, Instant activated, Instant retired,
                               Instant verifyUntil) {
    public SealedSigningKey {
        Require.nonNull("kid algorithm state publicJwk sealedPrivateJwk created",
                kid, algorithm, state, publicJwk, sealedPrivateJwk, created);
    }

    /** Published in the JWKS at {@code now}: current and next always, retired ones until their last token expired. */
    public boolean publishedAt(Instant now) {
        return state != KeyState.RETIRED || (verifyUntil != null && now.isBefore(verifyUntil));
    }

    @Override
    public String toString() {
        return "SealedSigningKey[kid=" + kid + ", " + algorithm + ", " + state + "]";
    }
}
