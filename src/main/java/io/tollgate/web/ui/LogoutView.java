package io.tollgate.web.ui;

import io.tollgate.oauth.oidc.LogoutDecision.LogoutOutcome;
import io.tollgate.oauth.oidc.LogoutRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-session endpoint's two pages: "Sign out of Tollgate?" (the request travels in hidden fields and is
 * checked again on the answer) and "You are signed out".
 */
public class LogoutView extends PageView {
    public record Hidden(String name, String value) {
    }

    private final boolean confirm;
    private final LogoutOutcome outcome;
    private final LogoutRequest request;

    private LogoutView(PageContext page, boolean confirm, LogoutOutcome outcome, LogoutRequest request) {
        super("logout.mustache", confirm ? "Sign out?" : "Signed out", page);
        this.confirm = confirm;
        this.outcome = outcome;
        this.request = request;
    }

    static LogoutView confirm(PageContext page, LogoutOutcome outcome, LogoutRequest request) {
        return new LogoutView(page, true, outcome, request);
    }

    static LogoutView signedOut(PageContext page, LogoutOutcome outcome) {
        return new LogoutView(page, false, outcome, null);
    }

    public boolean isConfirm() {
        return confirm;
    }

    /** Nullable: the application that asked. */
    public String getClientName() {
        return outcome.clientName() == null || outcome.clientName().isBlank() ? null : outcome.clientName();
    }

    /** Nullable: the host the browser returns to, so the user knows where they will land. */
    public String getReturnHost() {
        if (outcome.redirectUri() == null) {
            return null;
        }
        URI uri = URI.create(outcome.redirectUri());
        return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
    }

    public List<Hidden> getHidden() {
        List<Hidden> hidden = new ArrayList<>();
        if (request == null) {
            return hidden;
        }
        add(hidden, "id_token_hint", request.idTokenHint());
        add(hidden, "client_id", request.clientId());
        add(hidden, "post_logout_redirect_uri", request.postLogoutRedirectUri());
        add(hidden, "state", request.state());
        return hidden;
    }

    private static void add(List<Hidden> hidden, String name, String value) {
        if (value != null) {
            hidden.add(new Hidden(name, value));
        }
    }
}
