package io.tollgate.oauth.oidc;

import java.util.Objects;

/** What OpenID Connect may tell about a user; empty strings mean "not known" and are never released. */
public record UserClaims(long userId, String username, String email, String givenName, String familyName) {
    public UserClaims {
        Objects.requireNonNull(username, "username");
        email = email == null ? "" : email;
        givenName = givenName == null ? "" : givenName;
        familyName = familyName == null ? "" : familyName;
    }

    /** "Given Family", or whichever is known. */
    String name() {
        return (givenName + " " + familyName).strip();
    }
}
