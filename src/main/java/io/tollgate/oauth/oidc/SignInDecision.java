package io.tollgate.oauth.oidc;

/** What the authorization endpoint does about the user's sign-in and consent (OIDC Core §3.1.2.1, §3.1.2.4). */
public enum SignInDecision {
    /** The session will do: go on to consent (or the code). */
    CONTINUE,
    /** Show the sign-in page, even over a live session. */
    SIGN_IN,
    /** prompt=none and the user must sign in: {@code login_required} to the client. */
    LOGIN_REQUIRED,
    /** prompt=none and the user must consent: {@code consent_required} to the client. */
    CONSENT_REQUIRED,
    /** prompt=none and the ID token hint names another user: {@code login_required} as well. */
    ACCOUNT_MISMATCH
}
