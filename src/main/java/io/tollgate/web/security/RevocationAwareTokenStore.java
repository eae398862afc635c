package io.tollgate.web.security;

import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.SealedSuccessor;
import io.tollgate.oauth.store.TokenStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Every revocation that goes through the token store also drops the affected tokens from this node's
 * bearer-token cache, so the node that revokes refuses the token at once; other nodes follow within the
 * cache's configured staleness.
 */
public class RevocationAwareTokenStore implements TokenStore {
    private final TokenStore store;
    private final TokenAuthenticator authenticator;

    public RevocationAwareTokenStore(TokenStore store, TokenAuthenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    @Override
    public IssuedIds save(NewAccessToken access, NewRefreshToken refresh) {
        return store.save(access, refresh);
    }

    @Override
    public Optional<IssuedIds> rotate(long oldRefreshTokenId, Instant at, NewAccessToken access,
                                      NewRefreshToken refresh, String sealedSuccessor) {
        Optional<IssuedIds> ids = store.rotate(oldRefreshTokenId, at, access, refresh, sealedSuccessor);
        ids.ifPresent(issued -> authenticator.forgetIssuedWith(oldRefreshTokenId));
        return ids;
    }

    @Override
    public Optional<SealedSuccessor> findSealedSuccessor(long refreshTokenId) {
        return store.findSealedSuccessor(refreshTokenId);
    }

    @Override
    public Optional<AccessToken> findAccessToken(String tokenHash) {
        return store.findAccessToken(tokenHash);
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(String tokenHash) {
        return store.findRefreshToken(tokenHash);
    }

    @Override
    public boolean revokeRefreshToken(long refreshTokenId, Instant at) {
        boolean revoked = store.revokeRefreshToken(refreshTokenId, at);
        authenticator.forgetIssuedWith(refreshTokenId);
        return revoked;
    }

    @Override
    public boolean revokeAccessToken(long accessTokenId, Instant at) {
        boolean revoked = store.revokeAccessToken(accessTokenId, at);
        authenticator.forgetAccessToken(accessTokenId);
        return revoked;
    }

    @Override
    public int revokeFamily(String familyId, Instant at) {
        int revoked = store.revokeFamily(familyId, at);
        authenticator.forgetFamily(familyId);
        return revoked;
    }
}
