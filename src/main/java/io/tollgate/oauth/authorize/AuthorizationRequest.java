package io.tollgate.oauth.authorize;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ScopeSet;
import java.util.Objects;

/**
 * A validated RFC 6749 §4.1.1 authorization request for the code flow.
 *
 * @param state               nullable; echoed back unchanged
 * @param codeChallenge       nullable: no PKCE (confidential clients only)
 * @param codeChallengeMethod nullable when there is no challenge; "S256" or (if allowed) "plain"
 */
public record AuthorizationRequest(
        Client client,
        String redirectUri,
        ScopeSet scope,
        String state,
        String codeChallenge,
        String codeChallengeMethod) {

    public AuthorizationRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
    }
}
