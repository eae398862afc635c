package io.tollgate.oauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** The JWS algorithms Tollgate signs with. RS256 is what every relying party must support (OIDC Core §15.1). */
public enum SigningAlgorithm {
    RS256(JWSAlgorithm.RS256),
    ES256(JWSAlgorithm.ES256);

    /** 2048-bit RSA: NIST-acceptable through 2030 and what relying parties expect; larger keys only slow signing. */
    private static final int RSA_BITS = 2048;

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** A fresh private key whose {@code kid} is its RFC 7638 thumbprint: unique by construction, never reused. */
    JWK generate() {
        try {
            return switch (this) {
                case RS256 -> new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a " + name() + " signing key", e);
        }
    }

    JWSSigner signer(JWK privateKey) {
        try {
            return switch (this) {
                case RS256 -> new RSASSASigner(privateKey.toRSAKey());
                case ES256 -> new ECDSASigner(privateKey.toECKey());
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing key " + privateKey.getKeyID() + " is unusable", e);
        }
    }
}
