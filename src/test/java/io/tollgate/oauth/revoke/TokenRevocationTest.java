package io.tollgate.oauth.revoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.revoke.TokenRevocation.Outcome;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenHasher;
import org.junit.jupiter.api.Test;

class TokenRevocationTest {
    private final OAuthFixture f = new OAuthFixture();
    private final TokenRevocation revocation = f.server.revocation();
    private final Client app = f.confidentialClient("app", "secret", GrantType.PASSWORD);
    private final Client other = f.confidentialClient("other", "secret", GrantType.PASSWORD);
    private final long alice = f.owners.add("alice", "pw", true).userId();

    private TokenResponse issue(Client client) {
        return f.tokens.issue(TokenContext.of(client, alice, ScopeSet.of("read"), GrantType.PASSWORD), true);
    }

    private boolean accessRevoked(TokenResponse pair) {
        return f.tokenStore.findAccessToken(TokenHasher.sha256Hex(pair.accessToken())).orElseThrow().isRevoked();
    }

    private boolean refreshRevoked(TokenResponse pair) {
        return f.tokenStore.findRefreshToken(TokenHasher.sha256Hex(pair.refreshToken())).orElseThrow().isRevoked();
    }

    @Test
    void revokingAnAccessTokenLeavesTheRefreshTokenAlive() {
        TokenResponse pair = issue(app);
        assertThat(revocation.revoke(app, pair.accessToken(), null)).isEqualTo(Outcome.REVOKED_ACCESS_TOKEN);
        assertThat(accessRevoked(pair)).isTrue();
        assertThat(refreshRevoked(pair)).isFalse();
    }

    @Test
    void revokingARefreshTokenRevokesTheWholeGrant() {
        TokenResponse pair = issue(app);
        assertThat(revocation.revoke(app, pair.refreshToken(), "refresh_token"))
                .isEqualTo(Outcome.REVOKED_REFRESH_TOKEN);
        assertThat(refreshRevoked(pair)).isTrue();
        assertThat(accessRevoked(pair)).isTrue();
    }

    @Test
    void aWrongOrUnknownHintStillFindsTheToken() {
        TokenResponse pair = issue(app);
        assertThat(revocation.revoke(app, pair.refreshToken(), "access_token")).isEqualTo(Outcome.REVOKED_REFRESH_TOKEN);
        TokenResponse second = issue(app);
        assertThat(revocation.revoke(app, second.accessToken(), "urn:made:up")).isEqualTo(Outcome.REVOKED_ACCESS_TOKEN);
    }

    @Test
    void anotherClientsTokenIsLeftAlone() {
        TokenResponse pair = issue(app);
        assertThat(revocation.revoke(other, pair.accessToken(), null)).isEqualTo(Outcome.NOT_OWNED);
        assertThat(revocation.revoke(other, pair.refreshToken(), null)).isEqualTo(Outcome.NOT_OWNED);
        assertThat(accessRevoked(pair)).isFalse();
        assertThat(refreshRevoked(pair)).isFalse();
    }

    @Test
    void unknownTokensAreNotFound() {
        assertThat(revocation.revoke(app, "nope", null)).isEqualTo(Outcome.NOT_FOUND);
    }
}
