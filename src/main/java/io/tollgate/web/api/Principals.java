package io.tollgate.web.api;

import io.tollgate.users.Actor;
import io.tollgate.users.PermissionDeniedException;
import io.tollgate.web.security.TokenPrincipal;

final class Principals {
    private Principals() {
    }

    /** The scope policy already refuses tokens without a user; this keeps a mis-wired policy from acting as nobody. */
    static Actor actor(TokenPrincipal principal) {
        return principal.actor().orElseThrow(PermissionDeniedException::new);
    }
}
