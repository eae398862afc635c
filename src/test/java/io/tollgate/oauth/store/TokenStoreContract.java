package io.tollgate.oauth.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The semantics every {@link TokenStore} must have. A Jdbi implementation's test extends this and supplies a
 * store over a migrated database whose client row has id {@link #clientDbId()}.
 */
public abstract class TokenStoreContract {

    protected static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    protected abstract TokenStore store();

    protected long clientDbId() {
        return 1L;
    }

    protected Long userId() {
        return null;
    }

    private NewAccessToken access(String family) {
        return new NewAccessToken("a-" + UUID.randomUUID(), clientDbId(), "client", userId(), ScopeSet.of("read"),
                NOW, NOW.plusSeconds(3600), family);
    }

    private NewRefreshToken refresh(String family) {
        return new NewRefreshToken("r-" + UUID.randomUUID(), clientDbId(), userId(), ScopeSet.of("read", "write"),
                NOW, null, family);
    }

    @Test
    void saveLinksTheAccessTokenToItsRefreshToken() {
        NewAccessToken a = access("f1");
        NewRefreshToken r = refresh("f1");
        IssuedIds ids = store().save(a, r);
        AccessToken stored = store().findAccessToken(a.tokenHash()).orElseThrow();
        assertThat(stored.id()).isEqualTo(ids.accessTokenId());
        assertThat(stored.refreshTokenId()).isEqualTo(ids.refreshTokenId());
        assertThat(stored.scope().asString()).isEqualTo("read");
        assertThat(stored.revoked()).isNull();
        assertThat(store().findRefreshToken(r.tokenHash()).orElseThrow().scope().asString()).isEqualTo("read write");
    }

    @Test
    void saveWithoutRefreshToken() {
        NewAccessToken a = access("f2");
        IssuedIds ids = store().save(a, null);
        assertThat(ids.refreshTokenId()).isNull();
        assertThat(store().findAccessToken(a.tokenHash()).orElseThrow().refreshTokenId()).isNull();
    }

    @Test
    void revokeRefreshTokenSucceedsOnceAndRevokesItsAccessToken() {
        NewAccessToken a = access("f3");
        IssuedIds ids = store().save(a, refresh("f3"));
        assertThat(store().revokeRefreshToken(ids.refreshTokenId(), NOW)).isTrue();
        assertThat(store().revokeRefreshToken(ids.refreshTokenId(), NOW)).isFalse();
        assertThat(store().findAccessToken(a.tokenHash()).orElseThrow().revoked()).isEqualTo(NOW);
    }

    @Test
    void rotateIsConditional() {
        IssuedIds first = store().save(access("f4"), refresh("f4"));
        NewAccessToken a2 = access("f4");
        Optional<IssuedIds> rotated = store().rotate(first.refreshTokenId(), NOW, a2, refresh("f4"));
        assertThat(rotated).isPresent();
        NewAccessToken a3 = access("f4");
        assertThat(store().rotate(first.refreshTokenId(), NOW, a3, refresh("f4"))).isEmpty();
        assertThat(store().findAccessToken(a3.tokenHash())).isEmpty();
        assertThat(store().findAccessToken(a2.tokenHash()).orElseThrow().revoked()).isNull();
    }

    @Test
    void revokeFamilyTouchesOnlyThatFamily() {
        NewAccessToken mine = access("f5");
        NewRefreshToken mineRefresh = refresh("f5");
        NewAccessToken other = access("f6");
        store().save(mine, mineRefresh);
        store().save(other, null);
        assertThat(store().revokeFamily("f5", NOW)).isEqualTo(2);
        assertThat(store().findAccessToken(mine.tokenHash()).orElseThrow().revoked()).isNotNull();
        assertThat(store().findRefreshToken(mineRefresh.tokenHash()).orElseThrow().revoked()).isNotNull();
        assertThat(store().findAccessToken(other.tokenHash()).orElseThrow().revoked()).isNull();
        assertThat(store().revokeFamily("f5", NOW)).isZero();
    }

    @Test
    void revokeAccessTokenOnce() {
        IssuedIds ids = store().save(access("f7"), null);
        assertThat(store().revokeAccessToken(ids.accessTokenId(), NOW)).isTrue();
        assertThat(store().revokeAccessToken(ids.accessTokenId(), NOW)).isFalse();
    }

    @Test
    void onlyTheLatestRotatedTokenKeepsItsSealAndFamilyRevocationDropsIt() {
        IssuedIds first = store().save(access("f-seal"), refresh("f-seal"));
        IssuedIds second = store().rotate(first.refreshTokenId(), NOW, access("f-seal"), refresh("f-seal"), "seal-1")
                .orElseThrow();
        assertThat(store().findSealedSuccessor(first.refreshTokenId()))
                .contains(new io.tollgate.oauth.model.SealedSuccessor("seal-1", NOW));
        store().rotate(second.refreshTokenId(), NOW.plusSeconds(1), access("f-seal"), refresh("f-seal"), "seal-2")
                .orElseThrow();
        assertThat(store().findSealedSuccessor(first.refreshTokenId())).isEmpty();
        assertThat(store().findSealedSuccessor(second.refreshTokenId())).isPresent();
        store().revokeFamily("f-seal", NOW.plusSeconds(2));
        assertThat(store().findSealedSuccessor(second.refreshTokenId())).isEmpty();
    }

    @Test
    void rotationWithoutASealStoresNone() {
        IssuedIds first = store().save(access("f-noseal"), refresh("f-noseal"));
        store().rotate(first.refreshTokenId(), NOW, access("f-noseal"), refresh("f-noseal")).orElseThrow();
        assertThat(store().findSealedSuccessor(first.refreshTokenId())).isEmpty();
    }
}
