package io.tollgate.oauth.authorize;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.Require;
import io.tollgate.oauth.model.ScopeSet;

/**
 * A validated RFC 6749 §4.1.1 authorization request for the code flow.
 *
 * @param state               nullable; echoed back unchanged
 * @param codeChallenge       nullable: no PKCE (confidential clients only)
 * @param codeChallengeMethod nullable when there is no challenge; "S256" or (if allowed) "plain"
 * @param responseMode        how the response travels back; {@code query} unless the request named another
 * @param responseModeSent    whether the request named it (then the consent form carries it on)
 */
public record AuthorizationRequest(
        Client client,
        String redirectUri,
        ScopeSet scope,
        String state,
        String codeChallenge,
        String codeChallengeMethod,
        ResponseMode responseMode,
        boolean responseModeSent) {

    public AuthorizationRequest {
        Require.nonNull("client redirectUri scope responseMode", client, redirectUri, scope, responseMode);
    }

    /** A request in the code flow's default response mode (query). */
    public AuthorizationRequest(Client client, String redirectUri, ScopeSet scope, String state, String codeChallenge,
                                String codeChallengeMethod) {
        this(client, redirectUri, scope, state, codeChallenge, codeChallengeMethod, ResponseMode.QUERY, false);
    }
}
