package io.tollgate.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.core.Form;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An issuer with a path, as the reference system names itself ({@code https://host/o}), and ES256 signing only:
 * discovery at the issuer-relative and path-inserted URLs, endpoints on the issuer's origin, and the issuer exactly
 * as configured in every document, every signed token and every authorization response; no RS256 promised.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class OidcIssuerPathIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("oidcpath", OidcIssuerPathIT::start);
    @Parameter
    TestDatabase.Kind kind;

    static final String ISSUER = "https://login.example.test/o";
    static final String ORIGIN = "https://login.example.test";
    static final String CALLBACK = "http://127.0.0.1:9/cb";
    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String PASSWORD = "pw-issuer-path-1";

    /** The real application with that issuer and ES256 signing (config.yml's OIDC scopes). */
    static DropwizardAppExtension<TollgateConfiguration> start(TestDatabase database) {
        return TestApp.start(database,
                ConfigOverride.config("oauth.issuer", ISSUER),
                ConfigOverride.config("oidc.signingAlgorithm", "ES256"),
                ConfigOverride.config("oauth.scopes.openid", "Sign you in to the application"),
                ConfigOverride.config("oauth.scopes.profile", "See your name and username"));
    }

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private OAuthClient oauth;
    private String base;
    private String username;
    private long userId;
    private RegisteredClient client;

    @BeforeEach
    void setUp() {
        TestData data = new TestData(database());
        base = "http://127.0.0.1:" + app().getLocalPort();
        oauth = new OAuthClient(app().client(), base);
        username = "p" + UUID.randomUUID().toString().substring(0, 8);
        userId = data.user(username, PASSWORD, false, false);
        client = data.client("Path RP " + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of(CALLBACK), null);
    }

    private JsonNode get(String path) {
        Reply reply = oauth.get(path, null);
        assertThat(reply.status()).as(path).isEqualTo(200);
        return reply.body();
    }

    @Test
    void discoveryIsServedWhereRelyingPartiesLookForAnIssuerWithAPath() {
        JsonNode oidc = get("/o/.well-known/openid-configuration");
        assertThat(get("/.well-known/openid-configuration")).isEqualTo(oidc);
        JsonNode rfc8414 = get("/.well-known/oauth-authorization-server/o");
        assertThat(get("/.well-known/oauth-authorization-server")).isEqualTo(rfc8414);
        for (String elsewhere : List.of("/x/.well-known/openid-configuration", "/o/o/.well-known/openid-configuration",
                "/.well-known/oauth-authorization-server/x", "/.well-known/oauth-authorization-server/o/o")) {
            assertThat(oauth.get(elsewhere, null).status()).as(elsewhere).isEqualTo(404);
        }

        assertThat(oidc.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(rfc8414.get("issuer").asText()).isEqualTo(ISSUER);
        for (Iterator<Map.Entry<String, JsonNode>> it = rfc8414.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            assertThat(oidc.get(member.getKey())).as(member.getKey()).isEqualTo(member.getValue());
        }
        // The path names the issuer; the endpoints stay where they are, on its origin (as the reference's do).
        assertThat(oidc.get("authorization_endpoint").asText()).isEqualTo(ORIGIN + "/o/authorize/");
        assertThat(oidc.get("token_endpoint").asText()).isEqualTo(ORIGIN + "/o/token/");
        assertThat(oidc.get("userinfo_endpoint").asText()).isEqualTo(ORIGIN + "/o/userinfo/");
        assertThat(oidc.get("jwks_uri").asText()).isEqualTo(ORIGIN + "/.well-known/jwks.json");
        assertThat(oidc.get("revocation_endpoint").asText()).isEqualTo(ORIGIN + "/o/revoke_token/");
        assertThat(oidc.get("introspection_endpoint").asText()).isEqualTo(ORIGIN + "/o/introspect/");
        assertThat(oidc.get("device_authorization_endpoint").asText()).isEqualTo(ORIGIN + "/o/device-authorization/");
        for (Iterator<Map.Entry<String, JsonNode>> it = oidc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isTextual() && member.getValue().asText().startsWith("http")) {
                assertThat(member.getValue().asText()).as(member.getKey()).doesNotContain("/o/o/");
            }
        }
        assertThat(oidc.get("id_token_signing_alg_values_supported").toString()).as("ES256 only")
                .isEqualTo("[\"ES256\"]");
        assertThat(oidc.get("subject_types_supported").toString()).isEqualTo("[\"public\"]");
        assertThat(oidc.get("scopes_supported").toString()).contains("\"openid\"", "\"profile\"");
    }

    @Test
    void everyIssOfTheFlowIsTheConfiguredIssuerExactlyAndTokensAreEs256() throws Exception {
        OidcBrowser browser = new OidcBrowser(base);
        assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(303);
        String authorize = "/o/authorize/?response_type=code&client_id=" + OidcBrowser.enc(client.client().clientId())
                + "&redirect_uri=" + OidcBrowser.enc(CALLBACK) + "&state=s1&scope=" + OidcBrowser.enc("openid profile")
                + "&nonce=n1&code_challenge=" + Pkce.s256(VERIFIER) + "&code_challenge_method=S256";
        HttpResponse<String> consent = browser.get(authorize);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", OidcBrowser.csrf(consent));
        form.put("client_id", client.client().clientId());
        form.put("redirect_uri", CALLBACK);
        form.put("response_type", "code");
        form.put("scope", "openid profile");
        form.put("state", "s1");
        form.put("nonce", "n1");
        form.put("code_challenge", Pkce.s256(VERIFIER));
        form.put("code_challenge_method", "S256");
        form.put("decision", "allow");
        HttpResponse<String> back = browser.post("/o/authorize/", form);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(OidcBrowser.param(back, "iss")).as("RFC 9207").isEqualTo(ISSUER);

        String basic = OAuthClient.basic(client.client().clientId(), client.plainSecret());
        Reply tokens = oauth.token(basic, new Form().param("grant_type", "authorization_code")
                .param("code", OidcBrowser.param(back, "code")).param("redirect_uri", CALLBACK)
                .param("code_verifier", VERIFIER));
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        String idToken = tokens.body().get("id_token").asText();
        assertThat(SignedJWT.parse(idToken).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        JWTClaimsSet id = validate(idToken);
        assertThat(id.getIssuer()).isEqualTo(ISSUER);
        assertThat(id.getSubject()).isEqualTo(Long.toString(userId));
        assertThat(id.getStringClaim("nonce")).isEqualTo("n1");

        Reply refreshed = oauth.token(basic, new Form().param("grant_type", "refresh_token")
                .param("refresh_token", tokens.body().get("refresh_token").asText()));
        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
        assertThat(validate(refreshed.body().get("id_token").asText()).getIssuer()).isEqualTo(ISSUER);

        // Wider scope under prompt=none: consent_required at the client, named by the same issuer.
        HttpResponse<String> denied = browser.get(authorize.replace("scope=" + OidcBrowser.enc("openid profile"),
                "prompt=none&scope=" + OidcBrowser.enc("openid profile read")));
        assertThat(OidcBrowser.param(denied, "error")).isEqualTo("consent_required");
        assertThat(OidcBrowser.param(denied, "iss")).as("errors name the issuer too").isEqualTo(ISSUER);
    }

    /** A relying party's validation with Nimbus: ES256 by a published key, typ JWT, iss exactly, aud, exp. */
    private JWTClaimsSet validate(String idToken) throws Exception {
        // The document names https://login.example.test; the test reaches the same server locally.
        String jwksPath = URI.create(get("/o/.well-known/openid-configuration").get("jwks_uri").asText()).getPath();
        JWKSet keys = JWKSet.load(URI.create(base + jwksPath).toURL());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(client.client().clientId(),
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "iat", "exp", "auth_time")));
        return processor.process(idToken, null);
    }
}
