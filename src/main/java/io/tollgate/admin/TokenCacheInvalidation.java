package io.tollgate.admin;

/** The node's cache of token checks, told what an operator revoked so it takes effect here at once. */
public interface TokenCacheInvalidation {
    void forgetUser(long userId);

    void forgetClient(long clientDbId);

    void forgetFamily(String familyId);
}
