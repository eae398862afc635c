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
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.oidc.IdTokens;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.core.Form;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OpenID Connect end to end over real HTTP, as a relying party does it: discovery, sign-in with the code flow,
 * ID tokens and JWT access tokens validated with Nimbus against the published JWKS, userinfo, refresh.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class OpenIdConnectIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("oidc", OidcTestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    static final String CALLBACK = "http://127.0.0.1:9/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String PASSWORD = "pw-123456-oidc";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private OAuthClient oauth;
    private String base;
    private String username;
    private long userId;
    private RegisteredClient client;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        // No issuer is configured, so signed tokens name http://localhost:<port>, and so must everything else.
        base = "http://localhost:" + app().getLocalPort();
        oauth = new OAuthClient(app().client(), base);
        username = "u" + UUID.randomUUID().toString().substring(0, 8);
        userId = data.user(username, PASSWORD, false, false);
        data.jdbi().useHandle(h -> h.createUpdate("UPDATE auth_user SET first_name = 'Ada', last_name = 'Lovelace' "
                + "WHERE id = :id").bind("id", userId).execute());
        client = data.client("RP " + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.PASSWORD), List.of(CALLBACK), null);
    }

    private String clientId() {
        return client.client().clientId();
    }

    private String basic() {
        return OAuthClient.basic(clientId(), client.plainSecret());
    }

    private JsonNode discovery() {
        Reply reply = oauth.get("/.well-known/openid-configuration", null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private JWKSet publishedKeys() throws Exception {
        return JWKSet.load(URI.create(discovery().get("jwks_uri").asText()).toURL());
    }

    /** A relying party's validation: signature by a published key, typ, iss, aud, exp, and the required claims. */
    private JWTClaimsSet validate(String jwt, JOSEObjectType type, String audience, Set<String> required)
            throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(publishedKeys())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(discovery().get("issuer").asText()).build(), required));
        return processor.process(jwt, null);
    }

    private JWTClaimsSet validateIdToken(String idToken) throws Exception {
        return validate(idToken, JOSEObjectType.JWT, clientId(), Set.of("sub", "iat", "exp", "auth_time", "sid"));
    }

    private String authorizeUrl(String scope, String... extra) {
        StringBuilder url = new StringBuilder("/o/authorize/?response_type=code&client_id=" + OidcBrowser.enc(clientId())
                + "&redirect_uri=" + OidcBrowser.enc(CALLBACK) + "&state=st8&scope=" + OidcBrowser.enc(scope)
                + "&code_challenge=" + Pkce.s256(VERIFIER) + "&code_challenge_method=S256");
        for (String e : extra) {
            url.append('&').append(e);
        }
        return url.toString();
    }

    private OidcBrowser signedIn() {
        OidcBrowser browser = new OidcBrowser(base);
        assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    /** Through the consent page: returns the redirect back to the client. */
    private HttpResponse<String> consent(OidcBrowser browser, String scope, String nonce) {
        HttpResponse<String> page = browser.get(authorizeUrl(scope, "nonce=" + OidcBrowser.enc(nonce)));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        if (scope.contains("openid")) {
            assertThat(page.body()).contains("name=\"nonce\"");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", OidcBrowser.csrf(page));
        form.put("client_id", clientId());
        form.put("redirect_uri", CALLBACK);
        form.put("response_type", "code");
        form.put("scope", scope);
        form.put("state", "st8");
        form.put("code_challenge", Pkce.s256(VERIFIER));
        form.put("code_challenge_method", "S256");
        form.put("nonce", nonce);
        form.put("decision", "allow");
        HttpResponse<String> allowed = browser.post("/o/authorize/", form);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(303);
        return allowed;
    }

    private Reply exchange(String code) {
        return oauth.token(basic(), new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", CALLBACK).param("code_verifier", VERIFIER));
    }

    @Test
    void discoveryIsTheOAuthMetadataPlusWhatOpenIdConnectAdds() {
        JsonNode oidc = discovery();
        JsonNode rfc8414 = oauth.get("/.well-known/oauth-authorization-server", null).body();
        for (Iterator<Map.Entry<String, JsonNode>> it = rfc8414.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            assertThat(oidc.get(member.getKey())).as(member.getKey()).isEqualTo(member.getValue());
        }
        assertThat(oidc.get("issuer").asText()).isEqualTo(base);
        assertThat(oidc.get("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
        assertThat(oidc.get("userinfo_endpoint").asText()).isEqualTo(base + "/o/userinfo/");
        assertThat(oidc.get("scopes_supported").toString()).contains("\"openid\"", "\"profile\"", "\"email\"");
        assertThat(oidc.get("subject_types_supported").toString()).isEqualTo("[\"public\"]");
        assertThat(oidc.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(oidc.get("response_modes_supported").toString())
                .isEqualTo("[\"query\",\"fragment\",\"form_post\"]");
        assertThat(rfc8414.get("response_modes_supported")).as("RFC 8414's default would claim fragment")
                .isEqualTo(oidc.get("response_modes_supported"));
        assertThat(oidc.get("request_parameter_supported").asBoolean()).isFalse();
        assertThat(oidc.get("request_uri_parameter_supported").asBoolean()).isFalse();
        assertThat(oidc.get("claims_parameter_supported").asBoolean()).isFalse();
        assertThat(oidc.get("claims_supported").toString()).contains("\"nonce\"", "\"at_hash\"", "\"email\"");
        assertThat(oidc.get("end_session_endpoint").asText()).isEqualTo(base + "/o/logout/");
        assertThat(oauth.get("/o/.well-known/openid-configuration", null).status()).as("no issuer path").isEqualTo(404);
    }

    @Test
    void theCodeFlowSignsInWithAVerifiableIdTokenThenUserinfoAndRefreshAgree() throws Exception {
        OidcBrowser browser = signedIn();
        String nonce = "n-" + UUID.randomUUID();
        HttpResponse<String> back = consent(browser, "openid profile email", nonce);
        assertThat(OidcBrowser.param(back, "iss")).isEqualTo(base);
        Reply tokens = exchange(OidcBrowser.param(back, "code"));
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        String accessToken = tokens.body().get("access_token").asText();

        JWTClaimsSet id = validateIdToken(tokens.body().get("id_token").asText());
        assertThat(id.getSubject()).isEqualTo(Long.toString(userId));
        assertThat(id.getAudience()).containsExactly(clientId());
        assertThat(id.getStringClaim("azp")).isEqualTo(clientId());
        assertThat(id.getStringClaim("nonce")).isEqualTo(nonce);
        assertThat(id.getStringClaim("at_hash")).isEqualTo(IdTokens.accessTokenHash(accessToken));
        long authTime = id.getLongClaim("auth_time");
        assertThat(authTime).isLessThanOrEqualTo(Instant.now().getEpochSecond()).isGreaterThan(Instant.now().minusSeconds(600).getEpochSecond());
        assertThat(id.getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(id.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(id.getStringClaim("email")).isEqualTo(username + "@example.com");
        assertThat(id.getBooleanClaim("email_verified")).isFalse();
        assertThat(id.getExpirationTime().toInstant()).isAfter(Instant.now());

        Reply userinfo = oauth.get("/o/userinfo/", accessToken);
        assertThat(userinfo.status()).isEqualTo(200);
        assertThat(userinfo.body().get("sub").asText()).isEqualTo(id.getSubject());
        assertThat(userinfo.body().get("email").asText()).isEqualTo(username + "@example.com");
        assertThat(userinfo.body().get("given_name").asText()).isEqualTo("Ada");
        assertThat(userinfo.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(oauth.post("/o/userinfo", "Bearer " + accessToken, new Form()).body().get("sub").asText())
                .isEqualTo(id.getSubject());

        Reply refreshed = oauth.token(basic(), new Form().param("grant_type", "refresh_token")
                .param("refresh_token", tokens.body().get("refresh_token").asText()));
        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
        JWTClaimsSet again = validateIdToken(refreshed.body().get("id_token").asText());
        assertThat(again.getSubject()).isEqualTo(id.getSubject());
        assertThat(again.getLongClaim("auth_time")).isEqualTo(authTime);
        assertThat(again.getStringClaim("sid")).isEqualTo(id.getStringClaim("sid"));
        assertThat(again.getClaims()).doesNotContainKey("nonce");
        assertThat(again.getStringClaim("at_hash"))
                .isEqualTo(IdTokens.accessTokenHash(refreshed.body().get("access_token").asText()));
    }

    @Test
    void withoutOpenidThereIsNoIdTokenAndUserinfoRefusesTheToken() {
        OidcBrowser browser = signedIn();
        HttpResponse<String> back = consent(browser, "read", "ignored");
        Reply tokens = exchange(OidcBrowser.param(back, "code"));
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.body().has("id_token")).isFalse();

        Reply userinfo = oauth.get("/o/userinfo/", tokens.body().get("access_token").asText());
        assertThat(userinfo.status()).isEqualTo(403);
        assertThat(userinfo.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"").contains("scope=\"openid\"");
        Reply bogus = oauth.get("/o/userinfo/", "not-a-token");
        assertThat(bogus.status()).isEqualTo(401);
        assertThat(bogus.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(bogus.body().get("error").asText()).isEqualTo("invalid_token");
        Reply none = oauth.get("/o/userinfo/", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
    }

    @Test
    void promptNoneAndUnsupportedParametersAnswerAtTheClientsRedirect() {
        OidcBrowser visitor = new OidcBrowser(base);
        HttpResponse<String> none = visitor.get(authorizeUrl("openid", "prompt=none"));
        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(none.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK);
        assertThat(OidcBrowser.param(none, "error")).isEqualTo("login_required");
        assertThat(OidcBrowser.param(none, "state")).isEqualTo("st8");

        OidcBrowser browser = signedIn();
        HttpResponse<String> consentNeeded = browser.get(authorizeUrl("openid", "prompt=none"));
        assertThat(OidcBrowser.param(consentNeeded, "error")).isEqualTo("consent_required");
        assertThat(OidcBrowser.param(browser.get(authorizeUrl("openid", "request=eyJ.e30.")), "error"))
                .isEqualTo("request_not_supported");
        // A control character anywhere in the request stops at the error page, never a redirect (web/edge rules).
        assertThat(browser.get(authorizeUrl("openid", "nonce=a%00b")).statusCode()).isEqualTo(400);

        // prompt=login over a live session: the sign-in form again, prefilled from login_hint, then back without it.
        HttpResponse<String> login = browser.get(authorizeUrl("openid", "prompt=login", "login_hint=" + username));
        assertThat(login.statusCode()).isEqualTo(303);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(base + "/accounts/login/").contains("again=1");
        HttpResponse<String> form = browser.get(location);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + username + "\"").doesNotContain("prompt%3Dlogin");
    }

    @Test
    void promptNoneWithAnIdTokenHintSignsTheSameUserInSilently() throws Exception {
        OidcBrowser browser = signedIn();
        Reply tokens = exchange(OidcBrowser.param(consent(browser, "openid", "n1"), "code"));
        String idToken = tokens.body().get("id_token").asText();

        HttpResponse<String> silent = browser.get(authorizeUrl("openid", "prompt=none", "nonce=n2",
                "id_token_hint=" + idToken));
        assertThat(silent.statusCode()).isEqualTo(302);
        assertThat(OidcBrowser.param(silent, "error")).isNull();
        JWTClaimsSet again = validateIdToken(exchange(OidcBrowser.param(silent, "code")).body().get("id_token").asText());
        assertThat(again.getStringClaim("nonce")).isEqualTo("n2");
        assertThat(again.getSubject()).isEqualTo(Long.toString(userId));

        String[] parts = idToken.split("\\.");
        HttpResponse<String> forged = browser.get(authorizeUrl("openid", "prompt=none",
                "id_token_hint=" + parts[0] + "." + parts[1] + ".AAAA"));
        assertThat(OidcBrowser.param(forged, "error")).isEqualTo("invalid_request");
    }

    @Test
    void jwtAccessTokensVerifyOfflineAndAreStillRevocable() throws Exception {
        data.jdbi().useHandle(h -> h.createUpdate("UPDATE oauth_application SET access_token_format = 'jwt' "
                + "WHERE client_id = :id").bind("id", clientId()).execute());
        Reply tokens = oauth.token(basic(), new Form().param("grant_type", "password").param("username", username)
                .param("password", PASSWORD).param("scope", "read"));
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        String jwt = tokens.body().get("access_token").asText();

        JWTClaimsSet claims = validate(jwt, new JOSEObjectType("at+jwt"), base,
                Set.of("sub", "client_id", "iat", "exp", "jti", "scope"));
        assertThat(claims.getSubject()).isEqualTo(Long.toString(userId));
        assertThat(claims.getStringClaim("client_id")).isEqualTo(clientId());
        assertThat(claims.getStringClaim("scope")).isEqualTo("read");
        assertThat(database().kind()).isNotNull();
        assertThat(data.allText("oauth_access_token")).doesNotContain(jwt);

        assertThat(oauth.get("/users/", jwt).status()).isEqualTo(200);
        Reply introspected = oauth.post("/o/introspect/", basic(), new Form().param("token", jwt));
        assertThat(introspected.body().get("active").asBoolean()).isTrue();
        assertThat(oauth.post("/o/revoke_token/", basic(), new Form().param("token", jwt)).status()).isEqualTo(200);
        assertThat(oauth.get("/users/", jwt).status()).isEqualTo(401);
        assertThat(oauth.post("/o/introspect/", basic(), new Form().param("token", jwt)).body().get("active")
                .asBoolean()).isFalse();
        // Still a well-signed token: only the server's revocation check stops it.
        assertThat(validate(jwt, new JOSEObjectType("at+jwt"), base, Set.of("jti")).getJWTID()).isEqualTo(claims.getJWTID());
    }

    /** Signed in, through the consent page with the request's extra parameters; the hidden fields are posted back. */
    private HttpResponse<String> allowVia(OidcBrowser browser, String nonce, String... extra) {
        String[] all = new String[extra.length + 1];
        all[0] = "nonce=" + OidcBrowser.enc(nonce);
        System.arraycopy(extra, 0, all, 1, extra.length);
        HttpResponse<String> page = browser.get(authorizeUrl("openid profile", all));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
                .matcher(page.body());
        while (hidden.find()) {
            form.put(FormPostPage.unescape(hidden.group(1)), FormPostPage.unescape(hidden.group(2)));
        }
        form.put("decision", "allow");
        return browser.post("/o/authorize/", form);
    }

    private static Map<String, String> fragment(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "#").doesNotContain("?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : location.substring(location.indexOf('#') + 1).split("&")) {
            String[] nameValue = pair.split("=", 2);
            params.put(nameValue[0], java.net.URLDecoder.decode(nameValue[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void responseModeFragmentPutsTheResponseAfterTheHashAndTheIdTokenValidates() throws Exception {
        OidcBrowser browser = signedIn();
        HttpResponse<String> consentPage = browser.get(authorizeUrl("openid profile", "nonce=nf1",
                "response_mode=fragment"));
        assertThat(consentPage.body()).contains("name=\"response_mode\" value=\"fragment\"");
        HttpResponse<String> back = allowVia(browser, "nf1", "response_mode=fragment");
        assertThat(back.statusCode()).isEqualTo(303);
        Map<String, String> response = fragment(back);
        assertThat(response.keySet()).containsExactly("code", "state", "iss");
        assertThat(response.get("state")).isEqualTo("st8");
        assertThat(response.get("iss")).isEqualTo(base);
        JWTClaimsSet id = validateIdToken(exchange(response.get("code")).body().get("id_token").asText());
        assertThat(id.getStringClaim("nonce")).isEqualTo("nf1");

        // Consent remembered: the answer comes at once, in the fragment too.
        HttpResponse<String> again = browser.get(authorizeUrl("openid profile", "nonce=nf2", "response_mode=fragment"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(validateIdToken(exchange(fragment(again).get("code")).body().get("id_token").asText())
                .getStringClaim("nonce")).isEqualTo("nf2");
        // Without response_mode the code flow stays in the query.
        HttpResponse<String> plain = browser.get(authorizeUrl("openid profile", "nonce=nf3"));
        assertThat(plain.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=")
                .doesNotContain("#");
    }

    @Test
    void responseModeFormPostIsAPageThatPostsTheResponseWithoutInlineScript() throws Exception {
        OidcBrowser browser = signedIn();
        HttpResponse<String> answered = allowVia(browser, "nfp", "response_mode=form_post");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        FormPostPage page = FormPostPage.of(answered);
        assertThat(page.method()).isEqualTo("post");
        assertThat(page.action()).isEqualTo(CALLBACK);
        assertThat(page.fields().keySet()).containsExactly("code", "state", "iss");
        assertThat(page.fields().get("state")).isEqualTo("st8");
        assertThat(page.fields().get("iss")).isEqualTo(base);
        assertThat(page.scripts()).containsExactly("<script src=\"/static/form_post.js\" defer></script>");
        assertThat(page.html()).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("javascript:");
        assertThat(page.html()).contains(">Continue</button>");
        String csp = answered.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action " + CALLBACK);
        assertThat(answered.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        assertThat(answered.headers().firstValue("X-Frame-Options").orElseThrow()).isEqualTo("DENY");

        HttpResponse<String> script = browser.get("/static/form_post.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
        assertThat(script.body()).contains("getElementById('form-post')", ".submit()");

        Reply tokens = exchange(page.fields().get("code"));
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        assertThat(validateIdToken(tokens.body().get("id_token").asText()).getStringClaim("nonce")).isEqualTo("nfp");

        // Consent remembered: the page comes straight from the GET. Other pages keep their strict CSP.
        HttpResponse<String> direct = browser.get(authorizeUrl("openid profile", "nonce=nfp2", "response_mode=form_post"));
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(FormPostPage.of(direct).fields()).containsKey("code");
        assertThat(browser.get("/accounts/login/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'none'").doesNotContain(CALLBACK);
    }

    @Test
    void errorsGoBackInTheModeTheRequestNamed() {
        OidcBrowser visitor = new OidcBrowser(base);
        Map<String, String> loginRequired = fragment(visitor.get(authorizeUrl("openid", "prompt=none",
                "response_mode=fragment")));
        assertThat(loginRequired.get("error")).isEqualTo("login_required");
        assertThat(loginRequired.get("state")).isEqualTo("st8");
        assertThat(loginRequired.get("iss")).isEqualTo(base);

        HttpResponse<String> posted = visitor.get(authorizeUrl("openid", "prompt=none", "response_mode=form_post"));
        assertThat(posted.statusCode()).isEqualTo(200);
        FormPostPage page = FormPostPage.of(posted);
        assertThat(page.action()).isEqualTo(CALLBACK);
        assertThat(page.fields()).containsEntry("error", "login_required").containsEntry("state", "st8")
                .containsEntry("iss", base).doesNotContainKey("code");

        HttpResponse<String> badType = visitor.get(authorizeUrl("openid", "response_mode=fragment")
                .replace("response_type=code", "response_type=token"));
        assertThat(fragment(badType).get("error")).isEqualTo("unsupported_response_type");

        OidcBrowser browser = signedIn();
        HttpResponse<String> consentPage = browser.get(authorizeUrl("openid", "response_mode=form_post"));
        Map<String, String> deny = new LinkedHashMap<>();
        deny.put("csrf_token", OidcBrowser.csrf(consentPage));
        deny.put("client_id", clientId());
        deny.put("redirect_uri", CALLBACK);
        deny.put("response_type", "code");
        deny.put("scope", "openid");
        deny.put("state", "st8");
        deny.put("code_challenge", Pkce.s256(VERIFIER));
        deny.put("code_challenge_method", "S256");
        deny.put("response_mode", "form_post");
        deny.put("decision", "deny");
        FormPostPage denied = FormPostPage.of(browser.post("/o/authorize/", deny));
        assertThat(denied.fields()).containsEntry("error", "access_denied").containsEntry("state", "st8");

        // No trusted redirect URI: the error page whatever the mode, never a form to the client.
        for (String mode : List.of("form_post", "fragment")) {
            HttpResponse<String> unknown = visitor.get(authorizeUrl("openid", "response_mode=" + mode)
                    .replace("client_id=" + OidcBrowser.enc(clientId()), "client_id=nobody"));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.headers().firstValue("Location")).isEmpty();
            assertThat(unknown.body()).doesNotContain(CALLBACK).doesNotContain("<form method=\"post\" action=\"http");
            HttpResponse<String> wrongUri = visitor.get(authorizeUrl("openid", "response_mode=" + mode)
                    .replace(OidcBrowser.enc(CALLBACK), OidcBrowser.enc("http://127.0.0.1:9/evil")));
            assertThat(wrongUri.statusCode()).isEqualTo(400);
            assertThat(wrongUri.body()).doesNotContain("127.0.0.1:9/evil\"");
        }
    }

    @Test
    void badResponseModeValuesAreInvalidRequestAtTheRedirectOrTheErrorPageForControlCharacters() {
        OidcBrowser browser = signedIn();
        for (String bad : List.of("FRAGMENT", "jwt", "query.jwt", "form_post.jwt", "fragment%20", "web_message",
                "%E2%80%8Bquery")) {
            HttpResponse<String> refused = browser.get(authorizeUrl("openid", "response_mode=" + bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as(bad)
                    .startsWith(CALLBACK + "?error=invalid_request&");
            assertThat(OidcBrowser.param(refused, "state")).isEqualTo("st8");
        }
        HttpResponse<String> twice = browser.get(authorizeUrl("openid", "response_mode=fragment",
                "response_mode=form_post"));
        assertThat(twice.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?error=invalid_request&");
        // A NUL or other control character stops at the error page, never a redirect (the edge rules).
        for (String control : List.of("form_post%00", "%00", "fragment%0A")) {
            HttpResponse<String> stopped = browser.get(authorizeUrl("openid", "response_mode=" + control));
            assertThat(stopped.statusCode()).as(control).isEqualTo(400);
            assertThat(stopped.headers().firstValue("Location")).as(control).isEmpty();
        }
    }

    @Test
    void aReplayWithinTheRefreshGraceCarriesAnIdTokenLikeTheFirstAnswer() throws Exception {
        OidcBrowser browser = signedIn();
        Reply tokens = exchange(OidcBrowser.param(consent(browser, "openid profile", "nr"), "code"));
        JWTClaimsSet signIn = validateIdToken(tokens.body().get("id_token").asText());
        Form refresh = new Form().param("grant_type", "refresh_token")
                .param("refresh_token", tokens.body().get("refresh_token").asText());
        Reply first = oauth.token(basic(), refresh);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        Reply replay = oauth.token(basic(), new Form().param("grant_type", "refresh_token")
                .param("refresh_token", tokens.body().get("refresh_token").asText()));
        assertThat(replay.status()).as(replay.body().toString()).isEqualTo(200);
        assertThat(replay.body().get("access_token").asText()).isEqualTo(first.body().get("access_token").asText());
        assertThat(replay.body().get("refresh_token").asText()).isEqualTo(first.body().get("refresh_token").asText());

        JWTClaimsSet firstId = validateIdToken(first.body().get("id_token").asText());
        assertThat(replay.body().has("id_token")).as("the replay answers like the first answer").isTrue();
        JWTClaimsSet replayId = validateIdToken(replay.body().get("id_token").asText());
        assertThat(replayId.getSubject()).isEqualTo(firstId.getSubject()).isEqualTo(signIn.getSubject());
        assertThat(replayId.getLongClaim("auth_time")).isEqualTo(signIn.getLongClaim("auth_time"));
        assertThat(replayId.getStringClaim("sid")).isEqualTo(signIn.getStringClaim("sid"));
        assertThat(replayId.getStringClaim("at_hash"))
                .isEqualTo(IdTokens.accessTokenHash(replay.body().get("access_token").asText()));
        assertThat(replayId.getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(replayId.getClaims()).doesNotContainKey("nonce");
    }
}
