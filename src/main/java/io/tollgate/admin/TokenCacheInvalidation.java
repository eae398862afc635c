package io.tollgate.admin;

/** The node's cache of token checks, told what an operator revoked so it takes effect here at once. */
public interface TokenCacheInvalidation {
    void forgetUser(long userId);

    void forgetClient(String clientId);

    void forgetAccessToken(long accessTokenId);

    void forgetIssuedWith(long refreshTokenId);
}
