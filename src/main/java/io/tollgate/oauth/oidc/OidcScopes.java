package io.tollgate.oauth.oidc;

import io.tollgate.oauth.model.ScopeSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scope values OpenID Connect Core §5.4 defines. They are configured like every other scope (so an
 * application gets them only when allowed); these names only give them their meaning.
 */
public final class OidcScopes {
    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final String OFFLINE_ACCESS = "offline_access";

    /** The claims each scope releases, in the order they are written (ScopeClaims writes exactly these). */
    static final Map<String, List<String>> CLAIMS = orderedClaims();

    /** The claims every ID token may carry whatever the scope (IdTokens writes exactly these). */
    static final List<String> ID_TOKEN_CLAIMS = List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce",
            "azp", "at_hash", "sid");

    /** Every claim this server can release, for the discovery document's claims_supported: one list, built here. */
    public static final List<String> SUPPORTED_CLAIMS = Stream.concat(ID_TOKEN_CLAIMS.stream(),
            CLAIMS.values().stream().flatMap(List::stream)).distinct().toList();

    /**
     * What the consent page tells a person each OpenID Connect scope does, in words rather than a configured label:
     * these scopes mean the same on every server.
     */
    static final Map<String, String> CONSENT_WORDING = Map.of(
            OPENID, "Sign you in and confirm your identity",
            PROFILE, "See your name and username",
            EMAIL, "See your email address",
            OFFLINE_ACCESS, "Stay signed in: keep access while you are away");

    private OidcScopes() {
    }

    private static Map<String, List<String>> orderedClaims() {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        claims.put(PROFILE, List.of("name", "given_name", "family_name", "preferred_username"));
        claims.put(EMAIL, List.of("email", "email_verified"));
        return Collections.unmodifiableMap(claims);
    }

    /**
     * The consent page's list: each OpenID Connect scope in words, every other scope with its configured
     * description, in the given order.
     */
    public static Map<String, String> forConsent(Map<String, String> configured) {
        Map<String, String> described = new java.util.LinkedHashMap<>();
        configured.forEach((scope, description) -> described.put(scope,
                CONSENT_WORDING.getOrDefault(scope, description)));
        return java.util.Collections.unmodifiableMap(described);
    }

    /** An OpenID Connect request: without {@code openid} it is plain OAuth and no ID token is issued. */
    public static boolean isOpenId(ScopeSet scope) {
        return scope != null && scope.contains(OPENID);
    }
}
