package io.tollgate.oauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies JWTs this server signed (JWT access tokens, ID token hints) against its own published keys: the
 * header's {@code typ} and {@code alg} must be what the key says, the signature good, {@code iss} this server.
 * Expiry is checked on the injected clock unless the caller accepts expired tokens (an id_token_hint may be).
 */
public final class JwtVerifier {
    private final SigningKeys keys;
    private final Clock clock;

    public JwtVerifier(SigningKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The verified claims, or empty when the token is not one of ours, is tampered with, or (unless allowed) expired. */
    public Optional<JWTClaimsSet> verify(String token, JOSEObjectType type, String issuer, boolean acceptExpired) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (type != null && !type.equals(jwt.getHeader().getType())) {
                return Optional.empty();
            }
            String kid = jwt.getHeader().getKeyID();
            JWK key = kid == null ? null : keys.published().getKeyByKeyId(kid);
            // The key's own alg decides, never the token's header alone (no alg confusion, no "none").
            if (key == null || key.getAlgorithm() == null || !key.getAlgorithm().equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                    ((AsymmetricJWK) key).toPublicKey());
            if (!jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!Objects.equals(issuer, claims.getIssuer())) {
                return Optional.empty();
            }
            Date expires = claims.getExpirationTime();
            if (expires == null || (!acceptExpired && !clock.instant().isBefore(expires.toInstant()))) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | ClassCastException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code expires} has passed on this verifier's clock. */
    public boolean isExpired(Instant expires) {
        return !clock.instant().isBefore(expires);
    }
}
