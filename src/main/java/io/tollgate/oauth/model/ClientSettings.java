package io.tollgate.oauth.model;

/**
 * A client's authorization-endpoint policy.
 *
 * @param requireProofKey the authorization request must carry a PKCE challenge (always so for public clients)
 * @param requireConsent  the user is asked before the client gets a code; off for first-party applications
 *                        (DOT's skip_authorization)
 */
public record ClientSettings(boolean requireProofKey, boolean requireConsent) {

    public ClientSettings {
        // Kept here so no code path can build a public client that skips PKCE (RFC 9700 §2.1.1).
    }

    /** The policy a client of this type gets unless an operator says otherwise. */
    public static ClientSettings defaultsFor(ClientType type, boolean skipAuthorization) {
        return new ClientSettings(type == ClientType.PUBLIC, !skipAuthorization);
    }

    /** Public clients cannot keep a secret, so PKCE is what binds their code; it is never optional for them. */
    ClientSettings enforcedFor(ClientType type) {
        return type == ClientType.PUBLIC && !requireProofKey ? new ClientSettings(true, requireConsent) : this;
    }
}
