package io.tollgate.oauth.store;

import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ResolvedAccessToken;
import io.tollgate.oauth.model.ResourceOwner;
import java.util.Optional;
import java.util.Set;

/** The resource side's lookup over the in-memory token store and resource owners (no roles in memory). */
public final class InMemoryAccessTokenLookup implements AccessTokenLookup {
    private final InMemoryTokenStore tokens;
    private final ResourceOwnerAuthenticator owners;

    public InMemoryAccessTokenLookup(InMemoryTokenStore tokens, ResourceOwnerAuthenticator owners) {
        this.tokens = tokens;
        this.owners = owners;
    }

    @Override
    public Optional<ResolvedAccessToken> findByHash(String tokenHash) {
        return tokens.findAccessToken(tokenHash).map(token -> {
            Optional<ResourceOwner> owner = token.userId() == null ? Optional.empty()
                    : owners.findActive(token.userId());
            AccessTokenClaims claims = new AccessTokenClaims(token.id(), token.tokenHash(), token.familyId(),
                    token.clientDbId(), token.clientId(), token.userId(),
                    owner.map(ResourceOwner::username).orElse(null), Set.of(), token.scope(), token.created(),
                    token.expires());
            return new ResolvedAccessToken(claims, token.revoked(), token.userId() == null || owner.isPresent(),
                    token.refreshTokenId());
        });
    }
}
