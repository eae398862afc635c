package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.token.RefreshTokenErrors;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import java.time.Clock;

/** RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2). */
public record RefreshTokenGrant(TokenStore store, ResourceOwnerAuthenticator owners, TokenService tokens,
                                Clock clock) implements GrantHandler {

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public boolean issuesRefreshTokens() {
        return true;
    }

    @Override
    public TokenResponse handle(Client client, TokenParameters params) {
        String presented = params.required("refresh_token");
        TokenStore.RefreshTokenAndOwner found = store
                .findRefreshTokenAndOwner(TokenHasher.sha256Hex(presented), owners)
                .orElseThrow(RefreshTokenGrant::invalid);
        RefreshToken token = found.token();
        if (token.clientDbId() != client.id()) {
            // RFC 6749 §6: bound to the client it was issued to. Not treated as reuse: that client may be innocent.
            throw invalid();
        }
        if (token.isRevoked()) {
            // A rotated token coming back: the same pair within the reuse grace, else the whole family dies.
            TokenResponse replay = tokens.replayOrRevoke(client, token, presented);
            requireActiveOwner(found);
            return replay;
        }
        if (token.isExpired(clock)) {
            throw invalid();
        }
        requireActiveOwner(found);
        ScopeSet scope = requestedScope(params, token);
        return tokens.rotate(client, token, presented, scope);
    }

    private static void requireActiveOwner(TokenStore.RefreshTokenAndOwner found) {
        if (!found.ownerActive()) {
            throw invalid();
        }
    }

    private static ScopeSet requestedScope(TokenParameters params, RefreshToken token) {
        if (params.optional("scope").isEmpty()) {
            return token.scope();
        }
        ScopeSet requested = ScopeSet.parse(params.optional("scope").get());
        if (requested.isEmpty() || !token.scope().containsAll(requested)) {
            throw OAuthException.invalidScope("The requested scope exceeds the scope originally granted.");
        }
        return requested;
    }

    private static OAuthException invalid() {
        return OAuthException.invalidGrant(RefreshTokenErrors.INVALID);
    }
}
