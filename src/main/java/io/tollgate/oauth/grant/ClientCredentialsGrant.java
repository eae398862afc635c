package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenService;
import java.util.List;
import java.util.Optional;

/** RFC 6749 §4.4: a confidential client acting for itself; no user and no refresh token (§4.4.3). */
public record ClientCredentialsGrant(ScopeRegistry scopes, TokenService tokens) implements GrantHandler {

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public Optional<String> label() {
        return Optional.of("Client credentials");
    }

    @Override
    public List<RegistrationProblem> registrationProblems(ClientType type, List<String> redirectUris) {
        return type == ClientType.PUBLIC
                ? List.of(new RegistrationProblem("grant_types",
                        "The client credentials grant needs a confidential client."))
                : List.of();
    }

    @Override
    public TokenResponse handle(Client client, TokenParameters params) {
        if (!client.isConfidential()) {
            throw OAuthException.unauthorizedClient("Client is not authorized to use this grant type.");
        }
        ScopeSet scope = scopes.resolve(params.optional("scope").orElse(null), client);
        return tokens.issue(TokenContext.of(client, null, scope, GrantType.CLIENT_CREDENTIALS), false);
    }
}
