package io.tollgate.oauth.grant;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantTest {

    private final OAuthFixture f = new OAuthFixture();
    private final Client client = f.confidentialClient("app", "secret", GrantType.PASSWORD);
    private final ResourceOwner alice = f.owners.add("alice", "pw", true);

    private TokenResponse login(String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "password");
        params.put("username", "alice");
        params.put("password", "pw");
        if (scope != null) {
            params.put("scope", scope);
        }
        return f.passwordGrant.handle(client, TokenParameters.of(params));
    }

    private TokenResponse refresh(Client as, String refreshToken, String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        if (scope != null) {
            params.put("scope", scope);
        }
        return f.refreshGrant.handle(as, TokenParameters.of(params));
    }

    private AccessToken access(TokenResponse response) {
        return f.tokenStore.findAccessToken(TokenHasher.sha256Hex(response.accessToken())).orElseThrow();
    }

    private RefreshToken refreshRow(TokenResponse response) {
        return f.tokenStore.findRefreshToken(TokenHasher.sha256Hex(response.refreshToken())).orElseThrow();
    }

    @Test
    void rotationInvalidatesTheOldPair() {
        TokenResponse first = login(null);
        TokenResponse second = refresh(client, first.refreshToken(), null);

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.scope().asString()).isEqualTo("read write groups");
        assertThat(access(first).isActive(f.clock)).isFalse();
        assertThat(access(second).isActive(f.clock)).isTrue();
        assertThat(access(second).userId()).isEqualTo(alice.userId());
        assertThat(refreshRow(second).familyId()).isEqualTo(refreshRow(first).familyId());
        OAuthException e = assertOAuthError(() -> refresh(client, first.refreshToken(), null), "invalid_grant");
        assertThat(e.description()).isEqualTo("Invalid refresh token.");
    }

    @Test
    void narrowerScopeKeepsTheOriginalScopeOnTheNewRefreshToken() {
        TokenResponse first = login(null);
        TokenResponse narrowed = refresh(client, first.refreshToken(), "read");
        assertThat(narrowed.scope().asString()).isEqualTo("read");
        assertThat(access(narrowed).scope().asString()).isEqualTo("read");
        assertThat(refreshRow(narrowed).scope().asString()).isEqualTo("read write groups");

        TokenResponse widenedBack = refresh(client, narrowed.refreshToken(), null);
        assertThat(widenedBack.scope().asString()).isEqualTo("read write groups");
    }

    @Test
    void widerScopeIsInvalidScope() {
        TokenResponse first = login("read");
        assertOAuthError(() -> refresh(client, first.refreshToken(), "read write"), "invalid_scope");
        assertThat(access(first).isActive(f.clock)).isTrue();
    }

    @Test
    void anotherClientsTokenIsInvalidGrant() {
        TokenResponse first = login(null);
        Client other = f.confidentialClient("other", "secret", GrantType.PASSWORD);
        assertOAuthError(() -> refresh(other, first.refreshToken(), null), "invalid_grant");
        assertThat(refreshRow(first).isActive(f.clock)).isTrue();
    }

    @Test
    void unknownTokenIsInvalidGrant() {
        assertOAuthError(() -> refresh(client, "not-a-token", null), "invalid_grant");
    }

    @Test
    void expiredTokenIsInvalidGrant() {
        TokenResponse first = login(null);
        f.clock.advance(Duration.ofDays(30));
        assertOAuthError(() -> refresh(client, first.refreshToken(), null), "invalid_grant");
    }

    @Test
    void notYetExpiredTokenWorks() {
        TokenResponse first = login(null);
        f.clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(refresh(client, first.refreshToken(), null).accessToken()).hasSize(43);
    }

    @Test
    void inactiveOwnerIsInvalidGrant() {
        TokenResponse first = login(null);
        f.owners.setActive(alice.userId(), false);
        assertOAuthError(() -> refresh(client, first.refreshToken(), null), "invalid_grant");
    }

    @Test
    void reuseOfARotatedTokenRevokesTheFamily() {
        TokenResponse first = login(null);
        TokenResponse second = refresh(client, first.refreshToken(), null);

        assertOAuthError(() -> refresh(client, first.refreshToken(), null), "invalid_grant");

        assertThat(access(second).isActive(f.clock)).isFalse();
        assertThat(refreshRow(second).isActive(f.clock)).isFalse();
        assertOAuthError(() -> refresh(client, second.refreshToken(), null), "invalid_grant");
    }

    @Test
    void revokedAccessTokenDoesNotBreakRefresh() {
        TokenResponse first = login(null);
        f.tokenStore.revokeAccessToken(access(first).id(), f.clock.instant());
        assertThat(refresh(client, first.refreshToken(), null).accessToken()).hasSize(43);
    }

    @Test
    void concurrentRefreshesProduceExactlyOneSuccess() throws Exception {
        TokenResponse first = login(null);
        int threads = 16;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        refresh(client, first.refreshToken(), null);
                        return "ok";
                    } catch (OAuthException e) {
                        return e.error();
                    }
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("invalid_grant"::equals).hasSize(threads - 1);
            // Exactly one new pair was minted: the login's pair plus one rotation.
            assertThat(f.tokenStore.refreshTokens()).hasSize(2);
            assertThat(f.tokenStore.accessTokens()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
