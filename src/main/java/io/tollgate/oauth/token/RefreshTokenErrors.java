package io.tollgate.oauth.token;

/** One description for every refresh failure, so a client cannot tell expired, revoked and unknown apart. */
public final class RefreshTokenErrors {

    public static final String INVALID = "Invalid refresh token.";

    private RefreshTokenErrors() {
    }
}
