package io.tollgate.web.security;

import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.users.Actor;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is calling with a valid bearer token: the token's client and scopes, and its user with the flags that
 * decide what they may change (absent for client-credentials tokens).
 */
public record TokenPrincipal(
        long accessTokenId,
        String tokenHash,
        String familyId,
        String clientId,
        Long userId,
        String username,
        boolean staff,
        boolean superuser,
        ScopeSet scope,
        Instant expires) implements Principal {

    /** The principal of a token the protocol found valid. */
    public static TokenPrincipal of(AccessTokenClaims claims) {
        return new TokenPrincipal(claims.accessTokenId(), claims.tokenHash(), claims.familyId(), claims.clientId(),
                claims.userId(), claims.username(), claims.hasRole(AccessTokenClaims.STAFF),
                claims.hasRole(AccessTokenClaims.SUPERUSER), claims.scope(), claims.expires());
    }

    @Override
    public String getName() {
        return username != null ? username : clientId;
    }

    public boolean hasUser() {
        return userId != null;
    }

    /** The user acting through this token, for the users package's permission rules. */
    public Optional<Actor> actor() {
        return hasUser() ? Optional.of(new Actor(userId, staff, superuser)) : Optional.empty();
    }

    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expires);
    }

    @Override
    public String toString() {
        return "TokenPrincipal[client=" + clientId + ", user=" + username + ", scope=" + scope.asString() + "]";
    }
}
