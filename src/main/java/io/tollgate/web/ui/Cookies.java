package io.tollgate.web.ui;

import jakarta.ws.rs.core.NewCookie;

/** Cookie names and flags in one place: always HttpOnly and SameSite=Lax, Secure when the request was HTTPS. */
public record Cookies(String sessionName, String csrfName) {

    public NewCookie session(String value, boolean secure) {
        return cookie(sessionName, value, secure, -1);
    }

    public NewCookie clearSession(boolean secure) {
        return cookie(sessionName, "", secure, 0);
    }

    public NewCookie csrf(String value, boolean secure) {
        return cookie(csrfName, value, secure, -1);
    }

    private static NewCookie cookie(String name, String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
