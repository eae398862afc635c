package io.tollgate.oauth.grant;

import io.tollgate.oauth.token.TokenHasher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 7636 helpers shared by the authorization and token endpoints. Pure functions only. */
public final class Pkce {

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";

    private Pkce() {
    }

    /** RFC 7636 §4.1: 43-128 characters of [A-Za-z0-9-._~]. Challenges share the same syntax (§4.2). */
    public static boolean isValidVerifier(String value) {
        if (value == null || value.length() < 43 || value.length() > 128) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    public static boolean isValidChallenge(String challenge) {
        return isValidVerifier(challenge);
    }

    public static boolean isSupportedMethod(String method) {
        return S256.equals(method) || PLAIN.equals(method);
    }

    /** BASE64URL-ENCODE(SHA256(ASCII(code_verifier))), RFC 7636 §4.2. */
    public static String s256(String verifier) {
        byte[] digest = TokenHasher.sha256(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** True if the verifier is well-formed and matches the stored challenge under the stored method. */
    public static boolean matches(String verifier, String challenge, String method) {
        if (!isValidVerifier(verifier) || challenge == null) {
            return false;
        }
        if (S256.equals(method)) {
            return TokenHasher.constantTimeEquals(s256(verifier), challenge);
        }
        if (PLAIN.equals(method)) {
            return TokenHasher.constantTimeEquals(verifier, challenge);
        }
        return false;
    }
}
