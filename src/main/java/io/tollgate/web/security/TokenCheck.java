package io.tollgate.web.security;

import java.util.Optional;

/** The outcome of checking a presented bearer token: the principal, or why it was refused. */
public record TokenCheck(TokenPrincipal principal, Failure failure) {
    public enum Failure {
        INVALID("The access token is invalid."),
        EXPIRED("The access token has expired.");

        private final String description;

        Failure(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    static TokenCheck valid(TokenPrincipal principal) {
        return new TokenCheck(principal, null);
    }

    static TokenCheck failed(Failure failure) {
        return new TokenCheck(null, failure);
    }

    public Optional<TokenPrincipal> asOptional() {
        return Optional.ofNullable(principal);
    }
}
