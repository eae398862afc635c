package io.tollgate.oauth.grant;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.SealedSuccessor;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import io.tollgate.oauth.token.TokenSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The interleaving that let a replayed code's tokens survive, forced step by step: the replay runs completely
 * after the winner consumed the code and before the winner's tokens are written, so its family revocation finds
 * nothing to revoke. The winner must still end with dead tokens.
 */
class CodeReplayOrderingTest {
    private static final String REDIRECT = "https://app.example/callback";

    private final OAuthFixture f = new OAuthFixture();
    private final Client web = f.confidentialClient("web", "secret", GrantType.AUTHORIZATION_CODE);
    private final ResourceOwner alice = f.owners.add("alice", "pw", true);
    private final PausingTokenStore pausing = new PausingTokenStore(f.tokenStore);
    private final AuthorizationCodeGrant grant = new AuthorizationCodeGrant(f.codes, f.owners,
            new TokenService(pausing, f.generator, TokenSettings.defaults(), f.clock), ProtocolEventPublisher.NONE,
            f.clock);

    @Test
    void aReplayBetweenConsumptionAndTokenWriteStillRevokesTheWinnersTokens() {
        String code = issueCode();
        pausing.beforeNextSave = () -> assertOAuthError(() -> grant.handle(web, params(code)), "invalid_grant");

        TokenResponse winner = grant.handle(web, params(code));

        assertThat(pausing.beforeNextSave).as("the replay ran in the gap").isNull();
        assertThat(access(winner).revoked()).isNotNull();
        assertThat(f.tokenStore.findRefreshToken(TokenHasher.sha256Hex(winner.refreshToken())).orElseThrow().revoked())
                .isNotNull();
    }

    @Test
    void aReplayAfterTheTokensWereWrittenRevokesThem() {
        String code = issueCode();
        TokenResponse winner = grant.handle(web, params(code));
        assertThat(access(winner).revoked()).isNull();

        assertOAuthError(() -> grant.handle(web, params(code)), "invalid_grant");

        assertThat(access(winner).revoked()).isNotNull();
        assertThat(f.codes.isReplayed(TokenHasher.sha256Hex(code))).isTrue();
    }

    @Test
    void anUnknownCodeFlagsNothing() {
        assertOAuthError(() -> grant.handle(web, params("no-such-code")), "invalid_grant");
        assertThat(f.codes.isReplayed(TokenHasher.sha256Hex("no-such-code"))).isFalse();
    }

    private String issueCode() {
        String code = f.generator.generate();
        f.codes.save(new AuthorizationCode(TokenHasher.sha256Hex(code), web.id(), alice.userId(), REDIRECT,
                ScopeSet.of("read"), null, null, f.clock.instant(), f.clock.instant().plusSeconds(60),
                UUID.randomUUID().toString()));
        return code;
    }

    private static TokenParameters params(String code) {
        return TokenParameters.of(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
    }

    private AccessToken access(TokenResponse response) {
        return f.tokenStore.findAccessToken(TokenHasher.sha256Hex(response.accessToken())).orElseThrow();
    }

    /** Runs a step once just before the next token write, then behaves like the store it wraps. */
    private static final class PausingTokenStore implements TokenStore {
        private final TokenStore delegate;
        Runnable beforeNextSave;

        PausingTokenStore(TokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public IssuedIds save(NewAccessToken access, NewRefreshToken refresh) {
            Runnable step = beforeNextSave;
            beforeNextSave = null;
            if (step != null) {
                step.run();
            }
            return delegate.save(access, refresh);
        }

        @Override
        public Optional<IssuedIds> rotate(long oldRefreshTokenId, Instant at, NewAccessToken access,
                                          NewRefreshToken refresh, String sealedSuccessor) {
            return delegate.rotate(oldRefreshTokenId, at, access, refresh, sealedSuccessor);
        }

        @Override
        public Optional<SealedSuccessor> findSealedSuccessor(long refreshTokenId) {
            return delegate.findSealedSuccessor(refreshTokenId);
        }

        @Override
        public Optional<AccessToken> findAccessToken(String tokenHash) {
            return delegate.findAccessToken(tokenHash);
        }

        @Override
        public Optional<RefreshToken> findRefreshToken(String tokenHash) {
            return delegate.findRefreshToken(tokenHash);
        }

        @Override
        public boolean revokeRefreshToken(long refreshTokenId, Instant at) {
            return delegate.revokeRefreshToken(refreshTokenId, at);
        }

        @Override
        public boolean revokeAccessToken(long accessTokenId, Instant at) {
            return delegate.revokeAccessToken(accessTokenId, at);
        }

        @Override
        public int revokeFamily(String familyId, Instant at) {
            return delegate.revokeFamily(familyId, at);
        }
    }
}
