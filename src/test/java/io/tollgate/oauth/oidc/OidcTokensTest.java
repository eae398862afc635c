package io.tollgate.oauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tollgate.oauth.MutableClock;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.keys.InMemorySigningKeyStore;
import io.tollgate.oauth.keys.JwtSigner;
import io.tollgate.oauth.keys.JwtVerifier;
import io.tollgate.oauth.keys.KeyEncryptionKey;
import io.tollgate.oauth.keys.PrivateKeySealer;
import io.tollgate.oauth.keys.SigningAlgorithm;
import io.tollgate.oauth.keys.SigningKeySettings;
import io.tollgate.oauth.keys.SigningKeys;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.MintedAccessToken;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ID-token contributor and the JWT access-token format over in-memory stores and a fixed clock. */
class OidcTokensTest {
    private static final String ISSUER = "https://auth.example/o";

    private final MutableClock clock = MutableClock.startingAt("2026-02-03T04:05:06Z");
    private final SigningKeys keys = new SigningKeys(new InMemorySigningKeyStore(),
            new PrivateKeySealer(KeyEncryptionKey.generate(new SecureRandom())),
            new SigningKeySettings(SigningAlgorithm.RS256, Duration.ofDays(90), Duration.ofHours(10),
                    Duration.ofHours(1), Duration.ofMinutes(1)), clock);
    private final InMemoryAuthenticationStore authentications = new InMemoryAuthenticationStore();
    private final OidcIssuer issuer = OidcIssuer.of(ISSUER + "/");
    private final Client client = new Client(7, "rp-1", null, "RP", null, ClientType.PUBLIC,
            Set.of(GrantType.AUTHORIZATION_CODE), List.of("https://rp/cb"), null, false, clock.instant(), clock.instant());
    private final IdTokenContributor contributor;

    OidcTokensTest() {
        keys.ensureUsable();
        IdTokens idTokens = new IdTokens(new JwtSigner(keys), SubjectIdentifiers.PUBLIC,
                userId -> Optional.of(new UserClaims(userId, "ada", "ada@example.com", "Ada", "Lovelace")),
                Duration.ofMinutes(10), clock);
        contributor = new IdTokenContributor(idTokens, authentications, issuer);
    }

    private static TokenResponse response(String accessToken) {
        return new TokenResponse(accessToken, TokenResponse.BEARER, 3600, "r", ScopeSet.of("openid"));
    }

    private JWTClaimsSet idToken(Map<String, Object> members) throws Exception {
        return SignedJWT.parse((String) members.get("id_token")).getJWTClaimsSet();
    }

    @Test
    void theCodeExchangeCarriesTheFamilysSignInAndTheRefreshKeepsItWithoutTheNonce() throws Exception {
        Instant signedIn = clock.instant().minusSeconds(90);
        new OidcAuthorization(authentications, clock)
                .signInRecorder(ScopeSet.of("openid"), signedIn, "sid-1", "nonce-1").accept("family-1");

        TokenContext code = TokenContext.of(client, 42L, ScopeSet.of("openid"), GrantType.AUTHORIZATION_CODE)
                .withFamily("family-1");
        JWTClaimsSet first = idToken(contributor.additionalMembers(code, response("at-1")));
        assertThat(first.getIssuer()).isEqualTo(ISSUER);
        assertThat(first.getLongClaim("auth_time")).isEqualTo(signedIn.getEpochSecond());
        assertThat(first.getStringClaim("sid")).isEqualTo("sid-1");
        assertThat(first.getStringClaim("nonce")).isEqualTo("nonce-1");
        assertThat(first.getStringClaim("at_hash")).isEqualTo(IdTokens.accessTokenHash("at-1"));

        clock.advance(Duration.ofHours(1));
        TokenContext refresh = TokenContext.of(client, 42L, ScopeSet.of("openid"), GrantType.REFRESH_TOKEN)
                .withFamily("family-1");
        JWTClaimsSet second = idToken(contributor.additionalMembers(refresh, response("at-2")));
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(second.getLongClaim("auth_time")).isEqualTo(signedIn.getEpochSecond());
        assertThat(second.getStringClaim("sid")).isEqualTo("sid-1");
        assertThat(second.getClaims()).doesNotContainKey("nonce");
        assertThat(second.getIssueTime().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void noIdTokenWithoutOpenidWithoutAUserOrForOtherGrants() {
        assertThat(contributor.additionalMembers(TokenContext.of(client, 42L, ScopeSet.of("read"),
                GrantType.AUTHORIZATION_CODE), response("a"))).isEmpty();
        assertThat(contributor.additionalMembers(TokenContext.of(client, null, ScopeSet.of("openid"),
                GrantType.CLIENT_CREDENTIALS), response("a"))).isEmpty();
        assertThat(contributor.additionalMembers(TokenContext.of(client, 42L, ScopeSet.of("openid"),
                GrantType.PASSWORD), response("a"))).isEmpty();
        new OidcAuthorization(authentications, clock)
                .signInRecorder(ScopeSet.of("read"), clock.instant(), "s", "n").accept("plain-family");
        assertThat(authentications.find("plain-family")).isEmpty();
    }

    @Test
    void jwtAccessTokensCarryRfc9068ClaimsAndAreKnownByTheirHash() throws Exception {
        JwtAccessTokenFormat format = new JwtAccessTokenFormat(new JwtSigner(keys), new JwtVerifier(keys, clock),
                new TokenGenerator(), SubjectIdentifiers.PUBLIC, issuer, "https://api.example");
        Instant now = clock.instant();
        MintedAccessToken minted = format.mint(TokenContext.of(client, 42L, ScopeSet.of("read", "write"),
                GrantType.AUTHORIZATION_CODE), now, now.plusSeconds(3600));

        SignedJWT jwt = SignedJWT.parse(minted.value());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("https://api.example");
        assertThat(claims.getSubject()).isEqualTo("42");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("rp-1");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read write");
        assertThat(claims.getJWTID()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(3600));
        assertThat(minted.hash()).isEqualTo(TokenHasher.sha256Hex(minted.value()));

        assertThat(format.verify(minted.value())).contains(minted.hash());
        // Expired tokens are still recognised, so the stored row can report them as expired.
        clock.advance(Duration.ofHours(2));
        assertThat(format.verify(minted.value())).contains(minted.hash());
        assertThat(format.verify("opaque-token-value")).isEmpty();
        String[] parts = minted.value().split("\\.");
        assertThat(format.verify(parts[0] + "." + parts[1] + ".AAAA")).isEmpty();

        MintedAccessToken forClient = format.mint(TokenContext.of(client, null, ScopeSet.of("read"),
                GrantType.CLIENT_CREDENTIALS), now, now.plusSeconds(60));
        assertThat(SignedJWT.parse(forClient.value()).getJWTClaimsSet().getSubject()).isEqualTo("rp-1");
    }
}
