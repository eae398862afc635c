package io.tollgate.oauth.token;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.grant.RefreshTokenGrant;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** RFC 9700 §4.14.2 reuse detection with the reuse grace, on the in-memory store and a hand-moved clock. */
class RefreshReuseGraceTest {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final OAuthFixture f = new OAuthFixture(settings -> settings.withReuseGrace(GRACE));
    private final TokenService tokens = f.tokens;
    private final RefreshTokenGrant grant = f.refreshGrant;
    /** A server without the grace over the same stores. */
    private final AuthorizationServer withoutGrace = f.build(UnaryOperator.identity(), List.of());
    private final Client client = f.confidentialClient("app", "secret", GrantType.PASSWORD);
    private final ResourceOwner alice = f.owners.add("alice", "pw", true);

    private TokenResponse login() {
        return tokens.issue(
                TokenContext.of(client, alice.userId(), ScopeSet.of("read", "write"), GrantType.PASSWORD), true);
    }

    private TokenResponse refresh(String refreshToken) {
        return grant.handle(client, TokenParameters.of(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken)));
    }

    private RefreshToken row(String refreshToken) {
        return f.tokenStore.findRefreshToken(TokenHasher.sha256Hex(refreshToken)).orElseThrow();
    }

    @Test
    void withinTheGraceThePreviousTokenGetsTheSamePairBack() {
        TokenResponse first = login();
        TokenResponse second = refresh(first.refreshToken());
        f.clock.advance(GRACE.minusMillis(1));
        TokenResponse again = refresh(first.refreshToken());
        assertThat(again.accessToken()).isEqualTo(second.accessToken());
        assertThat(again.refreshToken()).isEqualTo(second.refreshToken());
        assertThat(again.scope()).isEqualTo(second.scope());
        assertThat(again.expiresIn()).isLessThanOrEqualTo(second.expiresIn());
        assertThat(row(second.refreshToken()).isActive(f.clock)).isTrue();
        assertThat(f.tokenStore.refreshTokens()).hasSize(2);
    }

    @Test
    void atTheEndOfTheGraceReuseRevokesTheFamily() {
        TokenResponse first = login();
        TokenResponse second = refresh(first.refreshToken());
        f.clock.advance(GRACE);
        assertOAuthError(() -> refresh(first.refreshToken()), "invalid_grant");
        assertThat(row(second.refreshToken()).isRevoked()).isTrue();
        assertOAuthError(() -> refresh(second.refreshToken()), "invalid_grant");
    }

    @Test
    void onlyTheImmediatelyPreviousTokenMayBeReplayed() {
        TokenResponse first = login();
        TokenResponse second = refresh(first.refreshToken());
        TokenResponse third = refresh(second.refreshToken());
        assertOAuthError(() -> refresh(first.refreshToken()), "invalid_grant");
        assertThat(row(third.refreshToken()).isRevoked()).isTrue();
    }

    @Test
    void aReplayAfterTheSuccessorWasRevokedIsReuse() {
        TokenResponse first = login();
        TokenResponse second = refresh(first.refreshToken());
        f.tokenStore.revokeRefreshToken(row(second.refreshToken()).id(), f.clock.instant());
        assertOAuthError(() -> refresh(first.refreshToken()), "invalid_grant");
        assertThat(f.tokenStore.findSealedSuccessor(row(first.refreshToken()).id())).isEmpty();
    }

    @Test
    void aReplayForADeactivatedUserFails() {
        TokenResponse first = login();
        refresh(first.refreshToken());
        f.owners.setActive(alice.userId(), false);
        assertOAuthError(() -> refresh(first.refreshToken()), "invalid_grant");
    }

    @Test
    void withoutGraceNothingIsSealedAndReuseRevokes() {
        TokenResponse first = withoutGrace.tokens().issue(
                TokenContext.of(client, alice.userId(), ScopeSet.of("read"), GrantType.PASSWORD), true);
        TokenResponse second = withoutGrace.grants().dispatch(client, TokenParameters.of(Map.of("grant_type", "refresh_token",
                "refresh_token", first.refreshToken())));
        assertThat(f.tokenStore.findSealedSuccessor(row(first.refreshToken()).id())).isEmpty();
        assertOAuthError(() -> withoutGrace.grants().dispatch(client, TokenParameters.of(Map.of("grant_type", "refresh_token",
                "refresh_token", first.refreshToken()))), "invalid_grant");
        assertThat(row(second.refreshToken()).isRevoked()).isTrue();
    }
}
