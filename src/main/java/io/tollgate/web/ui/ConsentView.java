package io.tollgate.web.ui;

import io.tollgate.oauth.authorize.AuthorizationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** "Application X wants to: …" with Allow / Deny. The request travels in hidden fields and is re-validated. */
public class ConsentView extends PageView {
    public record Scope(String name, String description) {
    }

    public record Hidden(String name, String value) {
    }

    private final AuthorizationRequest request;
    private final String nonce;
    private final List<Scope> scopes;

    public ConsentView(PageContext page, AuthorizationRequest request, Map<String, String> descriptions) {
        this(page, request, descriptions, null);
    }

    /** @param nonce nullable: the OpenID Connect request's nonce, carried through the consent form */
    public ConsentView(PageContext page, AuthorizationRequest request, Map<String, String> descriptions, String nonce) {
        super("authorize.mustache", "Authorize " + request.client().name(), page);
        this.nonce = nonce;
        this.request = request;
        this.scopes = descriptions.entrySet().stream().map(e -> new Scope(e.getKey(), e.getValue())).toList();
    }

    public String getApplicationName() {
        return request.client().name();
    }

    public String getRedirectUri() {
        return request.redirectUri();
    }

    public List<Scope> getScopes() {
        return scopes;
    }

    public List<Hidden> getHidden() {
        List<Hidden> hidden = new ArrayList<>();
        hidden.add(new Hidden("client_id", request.client().clientId()));
        hidden.add(new Hidden("redirect_uri", request.redirectUri()));
        hidden.add(new Hidden("response_type", "code"));
        hidden.add(new Hidden("scope", request.scope().asString()));
        if (request.state() != null) {
            hidden.add(new Hidden("state", request.state()));
        }
        if (request.codeChallenge() != null) {
            hidden.add(new Hidden("code_challenge", request.codeChallenge()));
            hidden.add(new Hidden("code_challenge_method", request.codeChallengeMethod()));
        }
        if (nonce != null) {
            hidden.add(new Hidden("nonce", nonce));
        }
        if (request.responseModeSent()) {
            hidden.add(new Hidden("response_mode", request.responseMode().wireName()));
        }
        return hidden;
    }
}
