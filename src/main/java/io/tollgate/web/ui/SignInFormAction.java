package io.tollgate.web.ui;

import io.tollgate.oauth.store.ClientStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in form's extra CSP form-action source. Browsers hold every redirect that follows a form's POST to the
 * page's form-action: when sign-in continues an authorization request whose answer needs no page (consent
 * remembered or skipped, e.g. prompt=login or max_age), the chain login → /o/authorize/ → the client's redirect URI
 * would be blocked under {@code form-action 'self'}. So the sign-in page allows the client's redirect origin, but
 * only for a registered client and its exactly registered redirect URI, never an origin a link merely names.
 */
final class SignInFormAction {
    private SignInFormAction() {
    }

    static Optional<String> forNext(String next, ClientStore clients) {
        URI uri;
        try {
            uri = URI.create(next);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"/o/authorize/".equals(uri.getRawPath()) && !"/o/authorize".equals(uri.getRawPath())) {
            return Optional.empty();
        }
        Map<String, String> query = query(uri.getRawQuery());
        String clientId = query.get("client_id");
        String redirectUri = query.get("redirect_uri");
        if (clientId == null || redirectUri == null) {
            return Optional.empty();
        }
        return clients.findByClientId(clientId)
                .filter(client -> client.allowsRedirectUri(redirectUri))
                .map(client -> AuthorizeResource.formActionSource(redirectUri));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            String[] nameValue = pair.split("=", 2);
            try {
                params.putIfAbsent(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                return Map.of();
            }
        }
        return params;
    }
}
