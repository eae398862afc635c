package io.tollgate.oauth.token;

import java.time.Instant;
import java.util.Optional;

/**
 * How access tokens look on the wire (Spring Authorization Server's OAuth2TokenGenerator): opaque random values
 * today ({@link OpaqueAccessTokenFormat}), RFC 9068 JWTs next. Every format's tokens are stored by hash, so
 * revocation, expiry and the user's active flag are decided the same way for all of them.
 */
public interface AccessTokenFormat {

    /** The name a client's token settings choose the format by, e.g. {@code opaque}. */
    String name();

    /** A new access token for what the grant decided, valid from {@code issuedAt} until {@code expiresAt}. */
    MintedAccessToken mint(TokenContext context, Instant issuedAt, Instant expiresAt);

    /**
     * Whether {@code presented} is a token of this format that it can vouch for (well-formed, signature good):
     * the hash to look its stored row up by, or empty when it is not (the next format is then tried).
     */
    Optional<String> verify(String presented);
}
