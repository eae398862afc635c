package io.tollgate.oauth.grant;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;

/** One grant type's token-endpoint logic; the client is already authenticated and allowed this grant. */
public interface GrantHandler {

    GrantType grantType();

    /** Validates the grant-specific parameters and issues tokens, or throws OAuthException. */
    TokenResponse handle(Client client, TokenParameters params);
}
