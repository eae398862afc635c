package io.tollgate.users;

import io.tollgate.oauth.oidc.UserClaims;
import io.tollgate.oauth.oidc.UserClaimsSource;
import java.util.Optional;

/** The users of this server, as OpenID Connect describes them. */
public record UserOidcClaims(UserStore store) implements UserClaimsSource {
    @Override
    public Optional<UserClaims> findActive(long userId) {
        return store.findById(userId).filter(User::active)
                .map(user -> new UserClaims(user.id(), user.username(), user.email(), user.firstName(), user.lastName()));
    }
}
