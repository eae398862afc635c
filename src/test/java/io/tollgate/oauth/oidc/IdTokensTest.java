package io.tollgate.oauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tollgate.oauth.MutableClock;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.keys.InMemorySigningKeyStore;
import io.tollgate.oauth.keys.JwtSigner;
import io.tollgate.oauth.keys.KeyEncryptionKey;
import io.tollgate.oauth.keys.PrivateKeySealer;
import io.tollgate.oauth.keys.SigningAlgorithm;
import io.tollgate.oauth.keys.SigningKeySettings;
import io.tollgate.oauth.keys.SigningKeys;
import io.tollgate.oauth.model.ScopeSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdTokensTest {
    private static final String ISSUER = "https://auth.example/o";
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final MutableClock clock = MutableClock.startingAt("2026-03-04T05:06:07Z");
    private final Map<Long, UserClaims> users = new HashMap<>();
    private final UserClaimsSource source = userId -> Optional.ofNullable(users.get(userId));

    IdTokensTest() {
        users.put(42L, new UserClaims(42, "alice", "alice@example.com", "Alice", "Liddell"));
        users.put(43L, new UserClaims(43, "bob", "", "", ""));
    }

    private SigningKeys keys(SigningAlgorithm algorithm) {
        SigningKeys keys = new SigningKeys(new InMemorySigningKeyStore(),
                new PrivateKeySealer(KeyEncryptionKey.generate(new SecureRandom())),
                new SigningKeySettings(algorithm, Duration.ofDays(90), LIFETIME, Duration.ofHours(1), Duration.ofMinutes(1)),
                clock);
        keys.ensureUsable();
        return keys;
    }

    private IdTokens idTokens(SigningKeys keys, SubjectIdentifiers subjects) {
        return new IdTokens(new JwtSigner(keys), subjects, source, LIFETIME, clock);
    }

    /** Verified as a relying party would: signature by the published key named in the header. */
    private static JWTClaimsSet verified(String token, SigningKeys keys) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = keys.published().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("kid %s published", jwt.getHeader().getKeyID()).isNotNull();
        JWSVerifier verifier = key.getKeyType().getValue().equals("EC")
                ? new ECDSAVerifier(key.toECKey()) : new RSASSAVerifier(key.toRSAKey());
        assertThat(jwt.verify(verifier)).isTrue();
        return jwt.getJWTClaimsSet();
    }

    @Test
    void carriesTheRequiredClaimsAndEchoesTheNonceExactly() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        Instant signedIn = clock.instant().minusSeconds(300);
        String nonce = "n-0S6_WzA2Mj \u00e9\u00e8";
        String token = idTokens(keys, SubjectIdentifiers.PUBLIC).issue(new IdTokenRequest(ISSUER, "client-1", 42,
                ScopeSet.of("openid"), signedIn, nonce, "session-7", "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"));

        JWTClaimsSet claims = verified(token, keys);
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("42");
        assertThat(claims.getAudience()).containsExactly("client-1");
        assertThat(claims.getStringClaim("azp")).isEqualTo("client-1");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(signedIn.getEpochSecond());
        assertThat(claims.getStringClaim("nonce")).isEqualTo(nonce);
        assertThat(claims.getStringClaim("sid")).isEqualTo("session-7");
        // OpenID Connect Core 1.0, Appendix A.4: this access token's at_hash.
        assertThat(claims.getStringClaim("at_hash")).isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
        // openid alone releases no profile or email claim.
        assertThat(claims.getClaims()).doesNotContainKeys("name", "email", "preferred_username");
    }

    @Test
    void leavesOutWhatIsUnknown() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        JWTClaimsSet claims = verified(idTokens(keys, SubjectIdentifiers.PUBLIC).issue(new IdTokenRequest(ISSUER,
                "client-1", 43, ScopeSet.of("openid", "profile", "email"), null, null, null, null)), keys);
        assertThat(claims.getClaims()).doesNotContainKeys("auth_time", "nonce", "sid", "at_hash", "name",
                "given_name", "family_name", "email", "email_verified");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("bob");
    }

    @Test
    void profileAndEmailScopesReleaseTheirClaims() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        IdTokens tokens = idTokens(keys, SubjectIdentifiers.PUBLIC);
        JWTClaimsSet profile = verified(tokens.issue(new IdTokenRequest(ISSUER, "c", 42,
                ScopeSet.of("openid", "profile"), null, null, null, null)), keys);
        assertThat(profile.getStringClaim("name")).isEqualTo("Alice Liddell");
        assertThat(profile.getStringClaim("given_name")).isEqualTo("Alice");
        assertThat(profile.getStringClaim("family_name")).isEqualTo("Liddell");
        assertThat(profile.getStringClaim("preferred_username")).isEqualTo("alice");
        assertThat(profile.getClaims()).doesNotContainKeys("email", "email_verified");

        JWTClaimsSet email = verified(tokens.issue(new IdTokenRequest(ISSUER, "c", 42,
                ScopeSet.of("openid", "email"), null, null, null, null)), keys);
        assertThat(email.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(email.getBooleanClaim("email_verified")).isFalse();
        assertThat(email.getClaims()).doesNotContainKeys("name", "preferred_username");
    }

    @Test
    void aSubjectSchemeCanReplaceThePublicOne() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.RS256);
        SubjectIdentifiers pairwise = (userId, clientId) -> clientId + ":" + userId;
        JWTClaimsSet claims = verified(idTokens(keys, pairwise).issue(new IdTokenRequest(ISSUER, "c9", 42,
                ScopeSet.of("openid"), null, null, null, null)), keys);
        assertThat(claims.getSubject()).isEqualTo("c9:42");
    }

    @Test
    void es256KeysSignIdTokensToo() throws Exception {
        SigningKeys keys = keys(SigningAlgorithm.ES256);
        String token = idTokens(keys, SubjectIdentifiers.PUBLIC).issue(new IdTokenRequest(ISSUER, "c", 42,
                ScopeSet.of("openid"), null, "n", null, "abc"));
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(verified(token, keys).getStringClaim("at_hash")).isEqualTo(IdTokens.accessTokenHash("abc"));
    }

    @Test
    void aDeactivatedUserGetsNoIdToken() {
        IdTokens tokens = idTokens(keys(SigningAlgorithm.RS256), SubjectIdentifiers.PUBLIC);
        assertThatThrownBy(() -> tokens.issue(new IdTokenRequest(ISSUER, "c", 99, ScopeSet.of("openid"),
                null, null, null, null))).isInstanceOf(OAuthException.class).hasMessageContaining("no longer active");
    }

    @Test
    void userInfoReleasesSubAlwaysAndTheScopedClaims() {
        UserInfo userInfo = new UserInfo(SubjectIdentifiers.PUBLIC, source);
        assertThat(userInfo.claims(42, "c", ScopeSet.of("openid"))).contains(Map.of("sub", "42"));
        assertThat(userInfo.claims(42, "c", ScopeSet.of("openid", "email")).orElseThrow())
                .containsEntry("email", "alice@example.com").containsEntry("email_verified", false)
                .doesNotContainKey("name");
        assertThat(userInfo.claims(42, "c", ScopeSet.of("openid", "profile")).orElseThrow().keySet())
                .containsExactly("sub", "name", "given_name", "family_name", "preferred_username");
        assertThat(userInfo.claims(99, "c", ScopeSet.of("openid"))).isEmpty();
        assertThat(OidcScopes.SUPPORTED_CLAIMS).containsAll(List.of("sub", "at_hash", "email_verified"));
    }
}
