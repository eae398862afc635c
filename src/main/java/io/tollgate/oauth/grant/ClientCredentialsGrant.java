package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.token.TokenService;
import java.util.Objects;

/** RFC 6749 §4.4: a confidential client acting for itself; no user and no refresh token (§4.4.3). */
public final class ClientCredentialsGrant implements GrantHandler {

    private final ScopeRegistry scopes;
    private final TokenService tokens;

    public ClientCredentialsGrant(ScopeRegistry scopes, TokenService tokens) {
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public TokenResponse handle(Client client, TokenParameters params) {
        if (!client.isConfidential()) {
            throw OAuthException.unauthorizedClient("Client is not authorized to use this grant type.");
        }
        ScopeSet scope = scopes.resolve(params.optional("scope").orElse(null), client);
        return tokens.issue(client, null, scope, false, null);
    }
}
