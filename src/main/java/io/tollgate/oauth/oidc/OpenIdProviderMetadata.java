package io.tollgate.oauth.oidc;

import io.tollgate.oauth.Issuer;
import io.tollgate.oauth.metadata.AuthorizationServerMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * OpenID Connect Discovery 1.0 §3: the RFC 8414 document (one source for both: every member it has is copied
 * unchanged, response modes included) plus what OpenID Connect adds, each read from the part that implements it:
 * signing algorithms from the keys, claims from the scope rules, the subject type from the subject identifiers.
 * RP-initiated logout; no request objects, no claims parameter, no front-channel logout.
 */
public final class OpenIdProviderMetadata {
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String USERINFO_PATH = "/o/userinfo/";
    /** RP-Initiated Logout 1.0 §2.1. */
    public static final String END_SESSION_PATH = "/o/logout/";

    private final AuthorizationServerMetadata oauth;
    private final Supplier<List<String>> signingAlgorithms;
    private final SubjectIdentifiers subjects;

    /**
     * @param signingAlgorithms the JWS algorithms ID tokens may be signed with now (the keys' own, read at each
     *                          request so a rotation to another algorithm shows at once)
     */
    public OpenIdProviderMetadata(AuthorizationServerMetadata oauth, Supplier<List<String>> signingAlgorithms,
                                  SubjectIdentifiers subjects) {
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.signingAlgorithms = Objects.requireNonNull(signingAlgorithms, "signingAlgorithms");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    public OpenIdProviderMetadata(AuthorizationServerMetadata oauth, List<String> signingAlgorithms) {
        this(oauth, () -> signingAlgorithms, SubjectIdentifiers.PUBLIC);
    }

    public Map<String, Object> describe(String issuer) {
        Map<String, Object> metadata = new LinkedHashMap<>(oauth.describe(issuer));
        String base = Issuer.endpointBase((String) metadata.get("issuer"));
        metadata.put("jwks_uri", base + JWKS_PATH);
        metadata.put("userinfo_endpoint", base + USERINFO_PATH);
        metadata.put("end_session_endpoint", base + END_SESSION_PATH);
        metadata.put("subject_types_supported", List.of(subjects.type()));
        metadata.put("id_token_signing_alg_values_supported", List.copyOf(signingAlgorithms.get()));
        metadata.put("claims_supported", OidcScopes.SUPPORTED_CLAIMS);
        metadata.put("claims_parameter_supported", false);
        metadata.put("request_parameter_supported", false);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("frontchannel_logout_supported", false);
        return metadata;
    }
}
