package io.tollgate.web.edge;

import io.tollgate.oauth.OAuthException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * What the OAuth endpoints refuse before any of their input reaches a store: control characters in client
 * credentials and form parameters. Identifiers, tokens, codes, scopes, URIs and grant types never hold one, and
 * PostgreSQL cannot even store a NUL (it would be a 500); passwords and secrets may hold anything but NUL.
 * Input these rules cannot decode is left alone: the endpoint refuses it in its own words.
 */
public final class OAuthInputRules {
    private static final Set<String> SECRETS = Set.of("password", "client_secret");
    private static final String BASIC = "basic ";

    private OAuthInputRules() {
    }

    /** HTTP Basic client credentials (RFC 6749 §2.3.1: form-encoded, then Base64). */
    public static void checkBasic(String authorization) {
        if (authorization == null || !authorization.strip().toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.strip().substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return;
        }
        int colon = decoded.indexOf(':');
        String id = lenientDecode(colon < 0 ? decoded : decoded.substring(0, colon));
        String secret = colon < 0 ? "" : lenientDecode(decoded.substring(colon + 1));
        if (hasControl(id) || secret.indexOf('\0') >= 0) {
            throw OAuthException.invalidClient("Client authentication failed.", true);
        }
    }

    /** An application/x-www-form-urlencoded body. */
    public static void checkForm(byte[] body, Charset charset) {
        for (String pair : new String(body, charset).split("&")) {
            int equals = pair.indexOf('=');
            String name = lenientDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : lenientDecode(pair.substring(equals + 1));
            if (hasControl(name)) {
                throw OAuthException.invalidRequest("A parameter name holds a control character.");
            }
            boolean refused = SECRETS.contains(name) ? value.indexOf('\0') >= 0 : hasControl(value);
            if (refused) {
                throw OAuthException.invalidRequest("The " + name + " parameter holds a character it cannot hold.");
            }
        }
    }

    static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** Undecodable escapes stay as they are; the endpoint's own parser refuses them with invalid_request. */
    private static String lenientDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
