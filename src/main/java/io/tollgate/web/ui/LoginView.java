package io.tollgate.web.ui;

public class LoginView extends PageView {
    private final String username;
    private final String next;
    private final String error;

    public LoginView(PageContext page, String username, String next, String error) {
        super("login.mustache", "Sign in", page);
        this.username = username == null ? "" : username;
        this.next = next;
        this.error = error;
    }

    public String getFormUsername() {
        return username;
    }

    public String getNext() {
        return next;
    }

    /** Nullable. */
    public String getError() {
        return error;
    }
}
