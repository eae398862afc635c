package io.tollgate.oauth.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenIntrospectionTest {
    private final OAuthFixture f = new OAuthFixture();
    private final TokenIntrospection introspection = f.server.introspection();
    private final Client app = f.confidentialClient("app", "secret", GrantType.PASSWORD);
    private final Client other = f.confidentialClient("other", "secret", GrantType.CLIENT_CREDENTIALS);
    private final long alice = f.owners.add("alice", "pw", true).userId();
    private final IntrospectionCaller asApp = IntrospectionCaller.client(app);

    @Test
    void aLiveAccessTokenIsDescribed() {
        TokenResponse pair = f.tokens.issue(
                TokenContext.of(app, alice, ScopeSet.of("read", "write"), GrantType.PASSWORD), true);
        Introspection result = introspection.introspect(asApp, pair.accessToken(), null);
        long now = f.clock.instant().getEpochSecond();
        assertThat(result).isEqualTo(new Introspection(true, "read write", "app", "alice", "Bearer",
                now + 36000, now, Long.toString(alice)));
    }

    @Test
    void aLiveRefreshTokenIsDescribedWithItsType() {
        TokenResponse pair = f.tokens.issue(TokenContext.of(app, alice, ScopeSet.of("read"), GrantType.PASSWORD), true);
        Introspection result = introspection.introspect(asApp, pair.refreshToken(), "refresh_token");
        assertThat(result.active()).isTrue();
        assertThat(result.tokenType()).isEqualTo("refresh_token");
        assertThat(result.clientId()).isEqualTo("app");
        assertThat(result.exp()).isEqualTo(f.clock.instant().plus(Duration.ofDays(30)).getEpochSecond());
    }

    @Test
    void aClientTokenHasNoUsernameAndItsClientAsSubject() {
        TokenResponse token = f.tokens.issue(
                TokenContext.of(other, null, ScopeSet.of("read"), GrantType.CLIENT_CREDENTIALS), false);
        Introspection result = introspection.introspect(IntrospectionCaller.client(other), token.accessToken(), null);
        assertThat(result.active()).isTrue();
        assertThat(result.username()).isNull();
        assertThat(result.sub()).isEqualTo("other");
    }

    @Test
    void expiredRevokedUnknownAndDeactivatedAreAllJustInactive() {
        TokenResponse expired = f.tokens.issue(TokenContext.of(app, alice, ScopeSet.of("read"), GrantType.PASSWORD), false);
        TokenResponse revoked = f.tokens.issue(TokenContext.of(app, alice, ScopeSet.of("read"), GrantType.PASSWORD), false);
        f.tokenStore.revokeAccessToken(f.tokenStore.findAccessToken(TokenHasher.sha256Hex(revoked.accessToken()))
                .orElseThrow().id(), f.clock.instant());
        assertThat(introspection.introspect(asApp, revoked.accessToken(), null)).isEqualTo(Introspection.inactive());
        assertThat(introspection.introspect(asApp, "unknown", null)).isEqualTo(Introspection.inactive());

        long bob = f.owners.add("bob", "pw", true).userId();
        TokenResponse bobs = f.tokens.issue(TokenContext.of(app, bob, ScopeSet.of("read"), GrantType.PASSWORD), false);
        f.owners.setActive(bob, false);
        assertThat(introspection.introspect(asApp, bobs.accessToken(), null)).isEqualTo(Introspection.inactive());

        f.clock.advance(Duration.ofSeconds(36000));
        assertThat(introspection.introspect(asApp, expired.accessToken(), null)).isEqualTo(Introspection.inactive());
    }

    @Test
    void aClientSeesOnlyItsOwnTokensAResourceServerSeesAll() {
        TokenResponse pair = f.tokens.issue(TokenContext.of(app, alice, ScopeSet.of("read"), GrantType.PASSWORD), true);
        IntrospectionCaller asOther = IntrospectionCaller.client(other);
        assertThat(introspection.introspect(asOther, pair.accessToken(), null)).isEqualTo(Introspection.inactive());
        assertThat(introspection.introspect(asOther, pair.refreshToken(), null)).isEqualTo(Introspection.inactive());
        IntrospectionCaller server = IntrospectionCaller.resourceServer();
        assertThat(introspection.introspect(server, pair.accessToken(), null).active()).isTrue();
        assertThat(introspection.introspect(server, pair.refreshToken(), null).active()).isTrue();
    }
}
