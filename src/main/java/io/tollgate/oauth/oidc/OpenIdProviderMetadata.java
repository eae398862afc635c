package io.tollgate.oauth.oidc;

import io.tollgate.oauth.metadata.AuthorizationServerMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OpenID Connect Discovery 1.0 §3: the RFC 8414 document (one source for both) plus what OpenID Connect adds,
 * listing exactly what is implemented: code flow, query response mode, public subjects, no request objects,
 * no claims parameter, RP-initiated logout but no front-channel logout.
 */
public final class OpenIdProviderMetadata {
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String USERINFO_PATH = "/o/userinfo/";
    /** RP-Initiated Logout 1.0 §2.1. */
    public static final String END_SESSION_PATH = "/o/logout/";

    private final AuthorizationServerMetadata oauth;
    private final List<String> signingAlgorithms;

    public OpenIdProviderMetadata(AuthorizationServerMetadata oauth, List<String> signingAlgorithms) {
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.signingAlgorithms = List.copyOf(signingAlgorithms);
    }

    public Map<String, Object> describe(String issuer) {
        Map<String, Object> metadata = new LinkedHashMap<>(oauth.describe(issuer));
        String base = (String) metadata.get("issuer");
        metadata.put("jwks_uri", base + JWKS_PATH);
        metadata.put("userinfo_endpoint", base + USERINFO_PATH);
        metadata.put("end_session_endpoint", base + END_SESSION_PATH);
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", signingAlgorithms);
        metadata.put("claims_supported", OidcScopes.SUPPORTED_CLAIMS);
        metadata.put("claims_parameter_supported", false);
        metadata.put("request_parameter_supported", false);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("frontchannel_logout_supported", false);
        return metadata;
    }
}
