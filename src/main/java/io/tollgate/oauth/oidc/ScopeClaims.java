package io.tollgate.oauth.oidc;

import io.tollgate.oauth.model.ScopeSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The user claims a scope releases (OIDC Core §5.4), shared by ID tokens and the userinfo endpoint. */
public final class ScopeClaims {
    private ScopeClaims() {
    }

    /** {@code sub} always, then the profile and email claims the scope grants; unknown values are left out. */
    public static Map<String, Object> of(String subject, UserClaims user, ScopeSet scope) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        if (scope.contains(OidcScopes.PROFILE)) {
            putIfKnown(claims, "name", user.name());
            putIfKnown(claims, "given_name", user.givenName());
            putIfKnown(claims, "family_name", user.familyName());
            putIfKnown(claims, "preferred_username", user.username());
        }
        if (scope.contains(OidcScopes.EMAIL) && !user.email().isEmpty()) {
            claims.put("email", user.email());
            // Tollgate never verifies an address (an administrator or the user typed it), so it never claims to.
            claims.put("email_verified", false);
        }
        return claims;
    }

    private static void putIfKnown(Map<String, Object> claims, String name, String value) {
        if (!value.isEmpty()) {
            claims.put(name, value);
        }
    }
}
