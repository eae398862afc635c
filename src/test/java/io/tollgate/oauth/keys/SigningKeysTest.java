package io.tollgate.oauth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tollgate.oauth.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(10);
    private static final Duration OVERLAP = Duration.ofHours(1);
    private static final Duration RELOAD = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());

    private SigningKeys keys(SigningAlgorithm algorithm) {
        return new SigningKeys(store, new PrivateKeySealer(kek),
                new SigningKeySettings(algorithm, Duration.ofDays(90), TOKEN_LIFETIME, OVERLAP, RELOAD), clock);
    }

    private String token(SigningKeys keys) {
        Instant now = clock.instant();
        return new JwtSigner(keys).sign(new JWTClaimsSet.Builder().issuer("https://issuer.example").subject("42")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(TOKEN_LIFETIME))).build(),
                new JOSEObjectType("at+jwt"));
    }

    /** What a relying party does: find the key by kid in the published set and check the signature. */
    private static boolean verifies(String token, JWKSet published) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            return false;
        }
        JWSVerifier verifier = switch (key.getKeyType().getValue()) {
            case "RSA" -> new RSASSAVerifier(key.toRSAKey());
            case "EC" -> new ECDSAVerifier(key.toECKey());
            default -> throw new AssertionError(key.getKeyType());
        };
        return jwt.verify(verifier);
    }

    private static Set<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    @Test
    void firstStartCreatesACurrentAndANextKeyAndPublishesOnlyTheirPublicHalves() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        ActiveSigningKey current = keys.ensureUsable();

        JWKSet published = keys.published();
        assertThat(published.getKeys()).hasSize(2);
        assertThat(kids(published)).contains(current.kid()).hasSize(2);
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(published.toString(true)).doesNotContain("\"d\"");
        assertThat(current.privateKey().isPrivate()).isTrue();
        assertThat(SignedJWT.parse(token(keys)).getHeader().getKeyID()).isEqualTo(current.kid());
        assertThat(SignedJWT.parse(token(keys)).getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(verifies(token(keys), published)).isTrue();
        // A second start (or a second node) keeps the same keys.
        assertThat(keys(SigningAlgorithm.RS256).ensureUsable().kid()).isEqualTo(current.kid());
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void privateKeysRestOnlySealedAndOpenOnlyUnderTheSameKeyEncryptionKey() {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        ActiveSigningKey current = keys.ensureUsable();
        String privateExponent = current.privateKey().toRSAKey().getPrivateExponent().toString();

        for (SealedSigningKey stored : store.all()) {
            assertThat(stored.sealedPrivateJwk()).doesNotContain(privateExponent).startsWith("ey");
            assertThat(stored.publicJwk()).doesNotContain("\"d\"");
            assertThat(stored.toString()).doesNotContain(stored.sealedPrivateJwk());
        }
        assertThat(current.toString()).doesNotContain(privateExponent);

        KeyEncryptionKey other = KeyEncryptionKey.generate(new SecureRandom());
        SigningKeys wrongKek = new SigningKeys(store, new PrivateKeySealer(other),
                new SigningKeySettings(SigningAlgorithm.RS256, Duration.ofDays(90), TOKEN_LIFETIME, OVERLAP, RELOAD), clock);
        assertThatThrownBy(wrongKek::ensureUsable).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(current.kid()).hasMessageContaining("key-encryption key")
                .hasMessageNotContaining(kek.encoded()).hasMessageNotContaining(other.encoded());
    }

    @Test
    void aSealMovedToAnotherKeyDoesNotOpen() {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        keys.ensureUsable();
        List<SealedSigningKey> stored = store.all();
        PrivateKeySealer sealer = new PrivateKeySealer(kek);
        assertThatThrownBy(() -> sealer.open(stored.get(0).kid(), stored.get(1).sealedPrivateJwk()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotationKeepsOldTokensVerifiableThroughTheOverlapAndDropsTheOldKeyAfter() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        ActiveSigningKey first = keys.ensureUsable();
        String nextKid = store.all().stream().filter(key -> key.state() == KeyState.NEXT).findFirst().orElseThrow().kid();
        String oldToken = token(keys);
        Instant oldTokenExpires = SignedJWT.parse(oldToken).getJWTClaimsSet().getExpirationTime().toInstant();

        clock.advance(Duration.ofMinutes(30));
        RotationReport report = keys.rotate();

        // The key published as "next" since the first start signs now; a fresh next is published.
        assertThat(report.retiredKid()).isEqualTo(first.kid());
        assertThat(report.currentKid()).isEqualTo(nextKid);
        assertThat(keys.current().kid()).isEqualTo(nextKid);
        assertThat(kids(keys.published())).containsExactlyInAnyOrder(first.kid(), nextKid, report.nextKid());
        String newToken = token(keys);
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(nextKid);

        // Every token the old key signed expires before the key stops being published.
        assertThat(report.retiredVerifiableUntil()).isAfter(oldTokenExpires.plus(OVERLAP.minusSeconds(1)));
        clock.set(oldTokenExpires.minusSeconds(1));
        assertThat(verifies(oldToken, keys.published())).isTrue();
        clock.set(report.retiredVerifiableUntil().minusSeconds(1));
        assertThat(verifies(oldToken, keys.published())).isTrue();

        clock.set(report.retiredVerifiableUntil());
        assertThat(kids(keys.published())).doesNotContain(first.kid()).contains(nextKid);
        assertThat(verifies(oldToken, keys.published())).isFalse();
        assertThat(verifies(newToken, keys.published())).isTrue();

        // The next rotation deletes the expired retired key from the store.
        keys.rotate();
        assertThat(store.all()).extracting(SealedSigningKey::kid).doesNotContain(first.kid()).contains(nextKid);
    }

    @Test
    void aNodeThatHasNotSeenTheRotationYetSignsWithTheOldKeyAndItsTokensStayVerifiable() throws Exception {
        SigningKeys nodeA = keys(SigningAlgorithm.RS256);
        SigningKeys nodeB = keys(SigningAlgorithm.RS256);
        ActiveSigningKey first = nodeA.ensureUsable();
        nodeB.current();

        RotationReport report = nodeA.rotate();
        clock.advance(RELOAD.minusSeconds(1));
        String lateToken = token(nodeB);
        assertThat(SignedJWT.parse(lateToken).getHeader().getKeyID()).isEqualTo(first.kid());
        Instant lateExpiry = SignedJWT.parse(lateToken).getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(lateExpiry).isBefore(report.retiredVerifiableUntil());
        clock.set(lateExpiry.minusSeconds(1));
        assertThat(verifies(lateToken, nodeA.published())).isTrue();

        clock.set(Instant.parse("2026-01-01T00:00:00Z").plus(RELOAD));
        assertThat(nodeB.current().kid()).isEqualTo(report.currentKid());
    }

    @Test
    void aRotationBasedOnAStaleViewChangesNothing() {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        ActiveSigningKey first = keys.ensureUsable();
        keys.rotate();
        List<SealedSigningKey> before = store.all();

        SealedSigningKey spare = before.get(0);
        boolean applied = store.rotate(new Rotation(first.kid(), clock.instant(), clock.instant().plusSeconds(60),
                null, spare, spare));

        assertThat(applied).isFalse();
        assertThat(store.all()).isEqualTo(before);
    }

    @Test
    void es256KeysSignAndVerify() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.ES256);
        ActiveSigningKey current = keys.ensureUsable();
        assertThat(current.algorithm()).isEqualTo(SigningAlgorithm.ES256);
        String token = token(keys);
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(verifies(token, keys.published())).isTrue();
        assertThat(keys.published().getKeys()).allMatch(key -> "EC".equals(key.getKeyType().getValue()));
    }

    @Test
    void aChangedAlgorithmSignsFromTheNextRotationOn() throws Exception {
        keys(SigningAlgorithm.RS256).ensureUsable();
        SigningKeys switched = keys(SigningAlgorithm.ES256);

        RotationReport report = switched.rotate();

        // The RS256 "next" key is not promoted: it would keep RS256 for one more key period.
        assertThat(switched.current().algorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(switched.current().kid()).isEqualTo(report.currentKid());
        assertThat(store.all()).filteredOn(key -> key.state() != KeyState.RETIRED)
                .allMatch(key -> key.algorithm() == SigningAlgorithm.ES256).hasSize(2);
        assertThat(verifies(token(switched), switched.published())).isTrue();
    }

    @Test
    void currentKeyAgeCountsFromActivation() {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        assertThat(keys.currentKeyAge()).isEmpty();
        keys.ensureUsable();
        clock.advance(Duration.ofDays(3));
        assertThat(keys.currentKeyAge()).contains(Duration.ofDays(3));
        keys.rotate();
        assertThat(keys.currentKeyAge()).contains(Duration.ZERO);
    }

    @Test
    void theAdvertisedAlgorithmsAreTheCurrentKeysAndTheConfiguredOneOnly() {
        keys(SigningAlgorithm.RS256).ensureUsable();
        assertThat(keys(SigningAlgorithm.RS256).signingAlgorithms()).containsExactly("RS256");
        // Switched to ES256: the RS256 key still signs until the next rotation, so both are possible.
        SigningKeys switched = keys(SigningAlgorithm.ES256);
        assertThat(switched.signingAlgorithms()).containsExactly("RS256", "ES256");
        switched.rotate();
        assertThat(switched.signingAlgorithms()).as("ES256 only: RS256 is never promised again")
                .containsExactly("ES256");
        assertThat(switched.current().algorithm()).isEqualTo(SigningAlgorithm.ES256);
    }
}
