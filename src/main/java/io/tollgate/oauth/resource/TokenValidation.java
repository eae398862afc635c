package io.tollgate.oauth.resource;

import io.tollgate.oauth.model.AccessTokenClaims;
import java.util.Optional;

/** The outcome of validating an access token: its claims, or why it was refused. */
public record TokenValidation(AccessTokenClaims claims, Failure failure) {
    public enum Failure {
        INVALID("The access token is invalid."),
        EXPIRED("The access token has expired.");

        private final String description;

        Failure(String description) {
            this.description = description;
        }

        /** The RFC 6750 error_description. */
        public String description() {
            return description;
        }
    }

    public static TokenValidation valid(AccessTokenClaims claims) {
        return new TokenValidation(claims, null);
    }

    public static TokenValidation failed(Failure failure) {
        return new TokenValidation(null, failure);
    }

    public boolean isValid() {
        return claims != null;
    }

    public Optional<AccessTokenClaims> asOptional() {
        return Optional.ofNullable(claims);
    }
}
