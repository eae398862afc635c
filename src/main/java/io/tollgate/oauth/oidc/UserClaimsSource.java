package io.tollgate.oauth.oidc;

import java.util.Optional;

/** Port: the claims of an active user, or empty when the user is gone or deactivated. */
public interface UserClaimsSource {
    Optional<UserClaims> findActive(long userId);
}
