package io.tollgate.web.security;

import java.time.Instant;

/**
 * An access token as the resource server sees it: the principal it would authenticate, plus what decides
 * whether it still may (revocation, the user's active flag) and what ties it to revocations (refresh token).
 */
public record BearerToken(TokenPrincipal principal, Long refreshTokenId, Instant revoked, boolean userActive) {
}
