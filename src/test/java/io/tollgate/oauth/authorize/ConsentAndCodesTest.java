package io.tollgate.oauth.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.InMemoryConsentStore;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentAndCodesTest {
    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    final OAuthFixture fx = new OAuthFixture();
    final InMemoryConsentStore consents = new InMemoryConsentStore();
    final Client client = fx.publicClient("public-app", GrantType.AUTHORIZATION_CODE);

    AuthorizationRequest request(ScopeSet scope) {
        return new AuthorizationRequest(client, "https://app.example/callback", scope, "st",
                Pkce.s256(VERIFIER), Pkce.S256);
    }

    @Test
    void askedUntilGrantedThenOnlyForWiderScopes() {
        ConsentPolicy policy = new ConsentPolicy(consents, AuthorizeSettings.defaults(), fx.clock);
        assertThat(policy.mustAsk(request(ScopeSet.of("read")), 7)).isTrue();
        policy.remember(request(ScopeSet.of("read", "write")), 7);
        assertThat(policy.mustAsk(request(ScopeSet.of("read")), 7)).isFalse();
        assertThat(policy.mustAsk(request(ScopeSet.of("read", "write")), 7)).isFalse();
        assertThat(policy.mustAsk(request(ScopeSet.of("groups")), 7)).isTrue();
        assertThat(policy.mustAsk(request(ScopeSet.of("read")), 8)).as("another user").isTrue();
        policy.remember(request(ScopeSet.of("groups")), 7);
        assertThat(consents.find(7, client.id())).contains(ScopeSet.of("read", "write", "groups"));
    }

    @Test
    void rememberingCanBeSwitchedOff() {
        ConsentPolicy policy = new ConsentPolicy(consents, new AuthorizeSettings(false, false), fx.clock);
        policy.remember(request(ScopeSet.of("read")), 7);
        assertThat(policy.mustAsk(request(ScopeSet.of("read")), 7)).isTrue();
    }

    @Test
    void skipAuthorizationClientsAreNeverAsked() {
        Client trusted = new Client(client.id(), client.clientId(), null, "t", null, client.type(),
                client.grantTypes(), client.redirectUris(), null, true, client.created(), client.updated());
        ConsentPolicy policy = new ConsentPolicy(consents, new AuthorizeSettings(false, false), fx.clock);
        AuthorizationRequest request = new AuthorizationRequest(trusted, "https://app.example/callback",
                ScopeSet.of("read"), null, null, null);
        assertThat(policy.mustAsk(request, 7)).isFalse();
    }

    @Test
    void issuedCodeIsStoredHashedBoundAndRedeemableOnceWithTheVerifier() {
        long alice = fx.owners.add("alice", "pw", true).userId();
        AuthorizationCodeIssuer issuer = new AuthorizationCodeIssuer(fx.codes, fx.generator,
                TokenSettings.defaults(), fx.clock);
        String code = issuer.issue(request(ScopeSet.of("read")), alice);
        AuthorizationCode stored = fx.codes.consume(TokenHasher.sha256Hex(code), fx.clock.instant()).orElseThrow();
        assertThat(stored.codeHash()).isNotEqualTo(code);
        assertThat(stored.expires()).isEqualTo(fx.clock.instant().plus(Duration.ofSeconds(60)));
        assertThat(stored.codeChallengeMethod()).isEqualTo("S256");
        assertThat(stored.userId()).isEqualTo(alice);

        String second = issuer.issue(request(ScopeSet.of("read")), alice);
        TokenResponse token = fx.codeGrant.handle(client, TokenParameters.of(java.util.Map.of(
                "grant_type", "authorization_code", "code", second,
                "redirect_uri", "https://app.example/callback", "code_verifier", VERIFIER)));
        assertThat(token.scope()).isEqualTo(ScopeSet.of("read"));
    }

    @Test
    void codeExpiresAfterItsLifetime() {
        AuthorizationCodeIssuer issuer = new AuthorizationCodeIssuer(fx.codes, fx.generator,
                TokenSettings.defaults(), fx.clock);
        String code = issuer.issue(request(ScopeSet.of("read")), 7);
        fx.clock.advance(Duration.ofSeconds(60));
        AuthorizationCode stored = fx.codes.consume(TokenHasher.sha256Hex(code), Instant.EPOCH).orElseThrow();
        assertThat(stored.isExpired(fx.clock)).isTrue();
    }
}
