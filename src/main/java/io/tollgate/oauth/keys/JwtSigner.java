package io.tollgate.oauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Objects;

/** Signs JWTs (ID tokens, RFC 9068 access tokens) with the current key, naming it by {@code kid}. */
public final class JwtSigner {
    private final SigningKeys keys;

    public JwtSigner(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The compact JWS of {@code claims}, with header {@code typ} when given (e.g. {@code at+jwt}). */
    public String sign(JWTClaimsSet claims, JOSEObjectType type) {
        ActiveSigningKey key = keys.current();
        JWSHeader.Builder header = new JWSHeader.Builder(key.algorithm().jws()).keyID(key.kid());
        if (type != null) {
            header.type(type);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign with key " + key.kid(), e);
        }
        return jwt.serialize();
    }
}
