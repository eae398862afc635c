package io.tollgate.oauth.event;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.introspect.IntrospectionCaller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The protocol core says what it did: the events the cache, the audit trail and other nodes consume. */
class CorePublishesEventsTest {
    private final OAuthFixture f = new OAuthFixture();
    private final Client app = f.confidentialClient("app", "secret", GrantType.PASSWORD, GrantType.AUTHORIZATION_CODE);
    private final ResourceOwner alice = f.owners.add("alice", "pw", true);

    private TokenResponse login() {
        return f.handlers.dispatch(app, TokenParameters.of(Map.of("grant_type", "password", "username", "alice",
                "password", "pw")));
    }

    private TokenResponse refresh(String token) {
        return f.handlers.dispatch(app, TokenParameters.of(Map.of("grant_type", "refresh_token",
                "refresh_token", token)));
    }

    @Test
    void issuingPublishesTheHashNeverTheToken() {
        TokenResponse pair = login();
        TokenIssued issued = f.published(TokenIssued.class).get(0);
        assertThat(issued.accessTokenHash()).isEqualTo(TokenHasher.sha256Hex(pair.accessToken()));
        assertThat(issued.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
        assertThat(issued.grantType()).isEqualTo("password");
        assertThat(issued.userId()).isEqualTo(alice.userId());
        assertThat(issued.withRefreshToken()).isTrue();
    }

    @Test
    void rotationRevokesTheOldRefreshTokenAndIssuesInTheSameFamily() {
        TokenResponse first = login();
        refresh(first.refreshToken());
        TokenRevoked revoked = f.published(TokenRevoked.class).get(0);
        assertThat(revoked.reason()).isEqualTo(TokenRevoked.Reason.ROTATED);
        assertThat(revoked.kind()).isEqualTo(TokenRevoked.Kind.REFRESH_TOKEN);
        assertThat(revoked.tokenHash()).isEqualTo(TokenHasher.sha256Hex(first.refreshToken()));
        assertThat(f.published(TokenIssued.class)).hasSize(2)
                .extracting(TokenIssued::familyId).containsOnly(revoked.familyId());
    }

    @Test
    void reuseOfARotatedRefreshTokenRevokesTheFamily() {
        TokenResponse first = login();
        refresh(first.refreshToken());
        assertOAuthError(() -> refresh(first.refreshToken()), "invalid_grant");
        assertThat(f.published(FamilyRevoked.class)).extracting(FamilyRevoked::reason)
                .containsExactly(FamilyRevoked.Reason.REFRESH_TOKEN_REUSED);
    }

    @Test
    void aReplayedCodeIsReportedAndItsFamilyRevoked() {
        String code = f.generator.generate();
        String family = UUID.randomUUID().toString();
        f.codes.save(new AuthorizationCode(TokenHasher.sha256Hex(code), app.id(), alice.userId(),
                "https://app.example/callback", ScopeSet.of("read"), null, null, f.clock.instant(),
                f.clock.instant().plusSeconds(60), family));
        Map<String, String> redeem = Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://app.example/callback");
        f.handlers.dispatch(app, TokenParameters.of(redeem));
        assertOAuthError(() -> f.handlers.dispatch(app, TokenParameters.of(redeem)), "invalid_grant");
        assertThat(f.published(CodeReplayed.class)).containsExactly(new CodeReplayed(f.clock.instant(), app.id(), family));
        assertThat(f.published(FamilyRevoked.class))
                .containsExactly(new FamilyRevoked(f.clock.instant(), family, FamilyRevoked.Reason.CODE_REPLAYED));
    }

    @Test
    void aClientRevokingAnAccessTokenIsReportedOnlyWhenItChangedSomething() {
        TokenResponse pair = login();
        f.server.revocation().revoke(app, pair.accessToken(), null);
        f.server.revocation().revoke(app, pair.accessToken(), null);
        assertThat(f.published(TokenRevoked.class)).singleElement().satisfies(revoked -> {
            assertThat(revoked.kind()).isEqualTo(TokenRevoked.Kind.ACCESS_TOKEN);
            assertThat(revoked.reason()).isEqualTo(TokenRevoked.Reason.CLIENT_REQUEST);
        });
    }

    @Test
    void deletingAClientIsReported() {
        f.server.registrations().delete(app);
        assertThat(f.published(ClientDeleted.class)).containsExactly(new ClientDeleted(f.clock.instant(), app.id(),
                "app"));
    }

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], List.of(pairs[i + 1]));
        }
        return form;
    }

    @Test
    void aRefusedTokenRequestIsReportedWithItsGrantAndErrorCode() {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("app:secret".getBytes());
        String wrongSecret = "Basic " + java.util.Base64.getEncoder().encodeToString("app:nope".getBytes());
        assertOAuthError(() -> f.server.tokenEndpoint().respond(basic,
                form("grant_type", "password", "username", "alice", "password", "wrong"), null), "invalid_grant");
        assertOAuthError(() -> f.server.tokenEndpoint().respond(wrongSecret,
                form("grant_type", "password", "username", "alice", "password", "pw"), null), "invalid_client");
        assertOAuthError(() -> f.server.tokenEndpoint().respond(basic, form("grant_type", "something_made_up"), null),
                "unsupported_grant_type");
        assertThat(f.published(TokenRequestFailed.class)).containsExactly(
                new TokenRequestFailed(f.clock.instant(), "password", "invalid_grant", "app"),
                new TokenRequestFailed(f.clock.instant(), "password", "invalid_client", null),
                new TokenRequestFailed(f.clock.instant(), null, "unsupported_grant_type", "app"));
        TokenResponse ok = f.server.tokenEndpoint().respond(basic,
                form("grant_type", "password", "username", "alice", "password", "pw"), null);
        assertThat(ok.accessToken()).isNotBlank();
        assertThat(f.published(TokenRequestFailed.class)).hasSize(3);
    }

    @Test
    void everyBearerCheckReportsItsVerdictNeverTheToken() {
        TokenResponse live = login();
        TokenResponse revoked = login();
        f.server.revocation().revoke(app, revoked.accessToken(), null);
        f.server.accessTokenValidator().validate(live.accessToken());
        f.server.accessTokenValidator().validate(revoked.accessToken());
        f.server.accessTokenValidator().validate("not-a-token-we-issued");
        f.server.accessTokenValidator().validate("has spaces, so not a b64token");
        f.server.accessTokenValidator().validate("");
        f.clock.advance(Duration.ofDays(400));
        f.server.accessTokenValidator().validate(live.accessToken());
        assertThat(f.published(AccessTokenChecked.class)).extracting(AccessTokenChecked::result).containsExactly(
                AccessTokenChecked.Result.VALID, AccessTokenChecked.Result.REVOKED, AccessTokenChecked.Result.UNKNOWN,
                AccessTokenChecked.Result.MALFORMED, AccessTokenChecked.Result.MALFORMED,
                AccessTokenChecked.Result.EXPIRED);
    }

    @Test
    void anIntrospectionSaysWhoAskedAndWhetherTheTokenWasActive() {
        TokenResponse pair = login();
        f.server.introspection().introspect(IntrospectionCaller.resourceServer(), pair.accessToken(), null);
        f.server.introspection().introspect(IntrospectionCaller.client(app), "unknown", null);
        assertThat(f.published(TokenIntrospected.class)).containsExactly(
                new TokenIntrospected(f.clock.instant(), null, true),
                new TokenIntrospected(f.clock.instant(), "app", false));
        assertThat(f.published(TokenIntrospected.class).toString()).doesNotContain(pair.accessToken());
    }
}
