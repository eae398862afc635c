package io.tollgate.oauth.metadata;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 8414 §2 metadata, built from what is actually wired (grant handlers, configured scopes), so the document
 * cannot promise a feature the server lacks. Keys are the RFC's wire names, in the RFC's order.
 */
public final class AuthorizationServerMetadata {

    public static final String AUTHORIZE_PATH = "/o/authorize/";
    public static final String TOKEN_PATH = "/o/token/";
    public static final String REVOKE_PATH = "/o/revoke_token/";
    public static final String INTROSPECT_PATH = "/o/introspect/";

    /** ClientAuthenticator's three methods; "none" is a public client sending only client_id. */
    static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post", "none");
    /**
     * Only confidential clients may introspect. A resource server may also present a bearer token with the
     * introspection scope; the IANA registry has no name for that, so it is documented, not listed.
     */
    static final List<String> INTROSPECTION_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    private AuthorizationServerMetadata() {
    }

    /**
     * @param issuer the public base URL, no trailing slash (RFC 8414 §2: https, no query or fragment)
     * @param grants         the grant types with a registered handler
     * @param allowPlainPkce whether the authorization endpoint accepts code_challenge_method=plain
     */
    public static Map<String, Object> describe(String issuer, ScopeSet scopes, Collection<GrantType> grants,
                                               boolean allowPlainPkce) {
        Objects.requireNonNull(issuer, "issuer");
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", base);
        metadata.put("authorization_endpoint", base + AUTHORIZE_PATH);
        metadata.put("token_endpoint", base + TOKEN_PATH);
        metadata.put("scopes_supported", scopes.scopes());
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", grants.stream().sorted().map(GrantType::wireName).toList());
        metadata.put("token_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        metadata.put("revocation_endpoint", base + REVOKE_PATH);
        metadata.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        metadata.put("introspection_endpoint", base + INTROSPECT_PATH);
        metadata.put("introspection_endpoint_auth_methods_supported", INTROSPECTION_AUTH_METHODS);
        metadata.put("code_challenge_methods_supported", allowPlainPkce ? List.of("S256", "plain") : List.of("S256"));
        // RFC 9207: the authorization endpoint adds iss to every response.
        metadata.put("authorization_response_iss_parameter_supported", true);
        return metadata;
    }
}
