package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenService;
import io.tollgate.throttle.Throttled;
import java.util.Optional;

/** RFC 6749 §4.3 resource owner password credentials grant. */
public record PasswordGrant(ResourceOwnerAuthenticator owners, ScopeRegistry scopes,
                            TokenService tokens) implements GrantHandler {

    static final String INVALID_CREDENTIALS = "Invalid credentials given.";

    @Override
    public GrantType grantType() {
        return GrantType.PASSWORD;
    }

    @Override
    public boolean issuesRefreshTokens() {
        return true;
    }

    @Override
    public Optional<String> label() {
        return Optional.of("Resource owner password-based");
    }

    @Override
    public TokenResponse handle(Client client, TokenParameters params) {
        String username = params.required("username");
        String password = params.required("password");
        ScopeSet scope = scopes.resolve(params.optional("scope").orElse(null), client);
        ResourceOwner owner;
        try {
            owner = owners.authenticate(username, password, params.clientAddress())
                    .filter(ResourceOwner::active)
                    .orElseThrow(() -> OAuthException.invalidGrant(INVALID_CREDENTIALS));
        } catch (Throttled throttled) {
            throw OAuthException.throttled(OAuthException.invalidGrant(null), throttled.retryAfterSeconds());
        }
        // Always with a refresh token, as the reference does; Client.allowsGrant lets the client redeem it.
        return tokens.issue(TokenContext.of(client, owner.userId(), scope, GrantType.PASSWORD), true);
    }
}
