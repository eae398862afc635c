package io.tollgate.oauth.oidc;

import java.time.Instant;
import java.util.Objects;

/**
 * How the user signed in for one grant family (a code and every token refreshed from it): the sign-in time
 * ({@code auth_time}), the browser session ({@code sid}, never the session secret) and the authorization
 * request's nonce. Kept per family, so a refreshed ID token says the same {@code auth_time} and {@code sid}.
 *
 * @param sessionId nullable
 * @param nonce     nullable: the request had none
 */
public record Authentication(String familyId, Instant authTime, String sessionId, String nonce) {
    /** OIDC Core puts no limit on the nonce; this one keeps rows small and refuses absurd requests. */
    public static final int MAX_NONCE_LENGTH = 512;

    public Authentication {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(authTime, "authTime");
        if (nonce != null && nonce.length() > MAX_NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce longer than " + MAX_NONCE_LENGTH);
        }
    }

    @Override
    public String toString() {
        return "Authentication[family=" + familyId + ", authTime=" + authTime + "]";
    }
}
