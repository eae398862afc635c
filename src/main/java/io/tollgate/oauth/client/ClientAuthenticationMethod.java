package io.tollgate.oauth.client;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;

/**
 * One way a client proves who it is at the token, revocation and introspection endpoints (RFC 6749 §2.3),
 * named as in the IANA "OAuth Token Endpoint Authentication Methods" registry. The registered methods are the
 * one source for {@link ClientAuthenticator} and for the metadata document's {@code *_auth_methods_supported}.
 */
public interface ClientAuthenticationMethod {

    /** The registry name, e.g. {@code client_secret_basic}. */
    String name();

    /** Whether the request carries this method's credentials; a request may carry exactly one method's. */
    boolean isPresentIn(ClientAuthenticationRequest request);

    /** The authenticated client, or OAuthException invalid_client (invalid_request for a malformed request). */
    Client authenticate(ClientAuthenticationRequest request, ClientStore clients);

    /** Whether this method proves possession of a secret, as introspection requires of its callers. */
    boolean provesSecret();
}
