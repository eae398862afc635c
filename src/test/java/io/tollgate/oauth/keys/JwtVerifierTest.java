package io.tollgate.oauth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.tollgate.oauth.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
    private static final String ISSUER = "https://auth.example";
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final SigningKeys keys = new SigningKeys(new InMemorySigningKeyStore(),
            new PrivateKeySealer(KeyEncryptionKey.generate(new SecureRandom())),
            new SigningKeySettings(SigningAlgorithm.RS256, Duration.ofDays(90), Duration.ofHours(1),
                    Duration.ofHours(1), Duration.ofMinutes(1)), clock);
    private final JwtVerifier verifier = new JwtVerifier(keys, clock);

    JwtVerifierTest() {
        keys.ensureUsable();
    }

    private JWTClaimsSet claims(String issuer) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("1").jwtID("j1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build();
    }

    @Test
    void acceptsItsOwnTokenUntilItExpires() {
        String token = new JwtSigner(keys).sign(claims(ISSUER), AT_JWT);
        assertThat(verifier.verify(token, AT_JWT, ISSUER, false)).hasValueSatisfying(c -> assertThat(c.getSubject()).isEqualTo("1"));
        clock.advance(Duration.ofSeconds(60));
        assertThat(verifier.verify(token, AT_JWT, ISSUER, false)).isEmpty();
        assertThat(verifier.verify(token, AT_JWT, ISSUER, true)).isPresent();
    }

    @Test
    void refusesAnotherTypeOrIssuer() {
        String token = new JwtSigner(keys).sign(claims(ISSUER), AT_JWT);
        assertThat(verifier.verify(token, new JOSEObjectType("JWT"), ISSUER, false)).isEmpty();
        assertThat(verifier.verify(token, AT_JWT, "https://other.example", false)).isEmpty();
        String untyped = new JwtSigner(keys).sign(claims(ISSUER), null);
        assertThat(verifier.verify(untyped, AT_JWT, ISSUER, false)).isEmpty();
    }

    @Test
    void refusesTamperedUnsignedForeignAndAlgorithmConfusedTokens() throws Exception {
        String token = new JwtSigner(keys).sign(claims(ISSUER), AT_JWT);
        String[] parts = token.split("\\.");
        String otherPayload = Base64URL.encode(claims(ISSUER).toString().replace("\"sub\":\"1\"", "\"sub\":\"2\"")).toString();
        assertThat(verifier.verify(parts[0] + "." + otherPayload + "." + parts[2], AT_JWT, ISSUER, false)).isEmpty();

        assertThat(verifier.verify(new PlainJWT(claims(ISSUER)).serialize(), null, ISSUER, false)).isEmpty();

        // Signed by a key that claims our kid: the signature does not check out.
        String kid = keys.current().kid();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(AT_JWT).build(), claims(ISSUER));
        forged.sign(new RSASSASigner(foreign));
        assertThat(verifier.verify(forged.serialize(), AT_JWT, ISSUER, false)).isEmpty();

        // HS256 with the public key as the HMAC secret (the classic confusion attack).
        byte[] publicBytes = keys.published().getKeyByKeyId(kid).toRSAKey().toPublicKey().getEncoded();
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(AT_JWT).build(), claims(ISSUER));
        confused.sign(new MACSigner(java.util.Arrays.copyOf(publicBytes, 64)));
        assertThat(verifier.verify(confused.serialize(), AT_JWT, ISSUER, false)).isEmpty();

        assertThat(verifier.verify("not-a-jwt", AT_JWT, ISSUER, false)).isEmpty();
        assertThat(verifier.verify("a.b.c", AT_JWT, ISSUER, false)).isEmpty();
    }

    @Test
    void tokensOfARetiredKeyVerifyUntilTheyExpire() {
        String token = new JwtSigner(keys).sign(claims(ISSUER), AT_JWT);
        keys.rotate();
        assertThat(verifier.verify(token, AT_JWT, ISSUER, false)).isPresent();
    }
}
