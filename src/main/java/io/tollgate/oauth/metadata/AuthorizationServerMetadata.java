package io.tollgate.oauth.metadata;

import io.tollgate.oauth.Issuer;
import io.tollgate.oauth.authorize.ResponseMode;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 8414 §2 metadata, built from what is actually registered (grant handlers, client-authentication methods,
 * configured scopes), so the document cannot promise a feature the server lacks. Keys are the RFC's wire names,
 * in the RFC's order; members a grant contributes (an endpoint of its own) follow.
 *
 * @param allowPlainPkce whether the authorization endpoint accepts code_challenge_method=plain
 */
public record AuthorizationServerMetadata(ScopeSet scopes, GrantHandlers grants,
                                          ClientAuthenticator clientAuthentication, boolean allowPlainPkce) {

    public static final String AUTHORIZE_PATH = "/o/authorize/";
    public static final String TOKEN_PATH = "/o/token/";
    public static final String REVOKE_PATH = "/o/revoke_token/";
    public static final String INTROSPECT_PATH = "/o/introspect/";

    /** @param issuer the public base URL (RFC 8414 §2: https, no query or fragment); a trailing slash is dropped */
    public Map<String, Object> describe(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        String id = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        // The issuer may have a path (https://host/o); the endpoints are on its origin all the same.
        String base = Issuer.endpointBase(id);
        List<String> authMethods = clientAuthentication.methodNames();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", id);
        metadata.put("authorization_endpoint", base + AUTHORIZE_PATH);
        metadata.put("token_endpoint", base + TOKEN_PATH);
        metadata.put("scopes_supported", scopes.scopes());
        metadata.put("response_types_supported", List.of("code"));
        // Listed although RFC 8414's default for an absent member would be ["query", "fragment"]: exactly these.
        metadata.put("response_modes_supported", ResponseMode.supported());
        metadata.put("grant_types_supported", grants.grantTypes().stream().map(GrantType::wireName).toList());
        metadata.put("token_endpoint_auth_methods_supported", authMethods);
        metadata.put("revocation_endpoint", base + REVOKE_PATH);
        metadata.put("revocation_endpoint_auth_methods_supported", authMethods);
        metadata.put("introspection_endpoint", base + INTROSPECT_PATH);
        // Only clients proving a secret may introspect. A resource server may also present a bearer token with the
        // introspection scope; the IANA registry has no name for that, so it is documented, not listed.
        metadata.put("introspection_endpoint_auth_methods_supported", clientAuthentication.secretMethodNames());
        metadata.put("code_challenge_methods_supported", allowPlainPkce ? List.of("S256", "plain") : List.of("S256"));
        // RFC 9207: the authorization endpoint adds iss to every response.
        metadata.put("authorization_response_iss_parameter_supported", true);
        grants.metadata(base).forEach(metadata::putIfAbsent);
        return metadata;
    }
}
