package io.tollgate.oauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.compose.ServerSettings;
import io.tollgate.oauth.event.UserDeactivated;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With the cache on, a change the core publishes is refused at once; one made behind its back is not. */
class TokenCacheInvalidationTest {
    private final OAuthFixture f = new OAuthFixture(
            settings -> settings.withTokenCache(new ServerSettings.TokenCache(Duration.ofMinutes(5), 100)));
    private final AccessTokenValidator validator = f.server.accessTokenValidator();
    private final Client app = f.confidentialClient("app", "secret", GrantType.PASSWORD);
    private final ResourceOwner alice = f.owners.add("alice", "pw", true);

    private TokenResponse issue() {
        TokenResponse pair = f.tokens.issue(TokenContext.of(app, alice.userId(), ScopeSet.of("read"),
                GrantType.PASSWORD), true);
        assertThat(validator.validate(pair.accessToken()).isValid()).isTrue();
        return pair;
    }

    @Test
    void aRevocationBehindTheCoresBackIsServedFromTheCacheUntilStale() {
        TokenResponse pair = issue();
        long id = f.tokenStore.findAccessToken(TokenHasher.sha256Hex(pair.accessToken())).orElseThrow().id();
        f.tokenStore.revokeAccessToken(id, f.clock.instant());
        assertThat(validator.validate(pair.accessToken()).isValid()).isTrue();
    }

    @Test
    void aRevocationThroughTheCoreIsRefusedAtOnce() {
        TokenResponse pair = issue();
        f.server.revocation().revoke(app, pair.accessToken(), null);
        assertThat(validator.validate(pair.accessToken()).failure()).isEqualTo(TokenValidation.Failure.INVALID);
    }

    @Test
    void aRotationDropsTheOldAccessToken() {
        TokenResponse pair = issue();
        f.server.revocation().revoke(app, pair.refreshToken(), "refresh_token");
        assertThat(validator.validate(pair.accessToken()).isValid()).isFalse();
    }

    @Test
    void aDeactivatedUsersTokensAreRefusedAtOnce() {
        TokenResponse pair = issue();
        f.owners.setActive(alice.userId(), false);
        assertThat(validator.validate(pair.accessToken()).isValid()).isTrue();
        f.server.events().publish(new UserDeactivated(f.clock.instant(), alice.userId()));
        assertThat(validator.validate(pair.accessToken()).isValid()).isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedEvenFromTheCache() {
        TokenResponse pair = issue();
        f.clock.advance(Duration.ofSeconds(36000));
        assertThat(validator.validate(pair.accessToken()).failure()).isEqualTo(TokenValidation.Failure.EXPIRED);
    }
}
