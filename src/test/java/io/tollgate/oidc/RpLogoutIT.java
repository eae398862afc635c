package io.tollgate.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.OpenIdConnect;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.keys.JwtSigner;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.oidc.IdTokenRequest;
import io.tollgate.oauth.oidc.IdTokens;
import io.tollgate.oauth.oidc.SubjectIdentifiers;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import io.tollgate.users.UserOidcClaims;
import jakarta.ws.rs.core.Form;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * OpenID Connect RP-Initiated Logout over real HTTP: every branch of /o/logout/ (GET and form POST), the session
 * really ending, and the application pages that register post-logout redirect URIs and the token format.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class RpLogoutIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("logout", OidcTestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    static final String CALLBACK = "http://127.0.0.1:9/callback";
    static final String AFTER = "http://127.0.0.1:9/signed-out";
    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String PASSWORD = "pw-123456-logout";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private String base;
    private String username;
    private long userId;
    private RegisteredClient client;
    private RegisteredClient other;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        base = "http://localhost:" + app().getLocalPort();
        username = "l" + UUID.randomUUID().toString().substring(0, 8);
        userId = data.user(username, PASSWORD, false, false);
        client = data.client("RP " + UUID.randomUUID(), ClientType.CONFIDENTIAL, Set.of(GrantType.AUTHORIZATION_CODE),
                List.of(CALLBACK), null);
        other = data.client("Other " + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of(CALLBACK), null);
        registerPostLogout(client, AFTER + " " + AFTER + "?from=rp");
        registerPostLogout(other, "http://127.0.0.1:9/other-bye");
    }

    private void registerPostLogout(RegisteredClient registered, String uris) {
        data.jdbi().useHandle(h -> h.createUpdate("UPDATE oauth_application SET post_logout_redirect_uris = :uris "
                + "WHERE client_id = :id").bind("uris", uris).bind("id", registered.client().clientId()).execute());
    }

    private String clientId() {
        return client.client().clientId();
    }

    private OidcBrowser signedIn() {
        OidcBrowser browser = new OidcBrowser(base);
        assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(303);
        assertThat(isSignedIn(browser)).isTrue();
        return browser;
    }

    private static boolean isSignedIn(OidcBrowser browser) {
        return browser.get("/o/applications/").statusCode() == 200;
    }

    private long sessionsOfUser() {
        return data.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM web_session WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).one());
    }

    /** Signs in through the code flow with scope openid and returns the ID token of this browser's session. */
    private String idTokenOf(OidcBrowser browser) {
        String authorize = "/o/authorize/?response_type=code&client_id=" + OidcBrowser.enc(clientId())
                + "&redirect_uri=" + OidcBrowser.enc(CALLBACK) + "&state=s1&scope=openid&nonce=n1"
                + "&code_challenge=" + Pkce.s256(VERIFIER) + "&code_challenge_method=S256";
        HttpResponse<String> page = browser.get(authorize);
        // The user consented before (an earlier sign-in in the same test): straight back with a code.
        HttpResponse<String> back = page.statusCode() == 302 ? page : allow(browser, page);
        return exchange(back);
    }

    /** Allows on the consent page, which says what openid means in words. */
    private HttpResponse<String> allow(OidcBrowser browser, HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Sign you in and confirm your identity");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", OidcBrowser.csrf(page));
        form.put("client_id", clientId());
        form.put("redirect_uri", CALLBACK);
        form.put("response_type", "code");
        form.put("scope", "openid");
        form.put("state", "s1");
        form.put("code_challenge", Pkce.s256(VERIFIER));
        form.put("code_challenge_method", "S256");
        form.put("nonce", "n1");
        form.put("decision", "allow");
        HttpResponse<String> back = browser.post("/o/authorize/", form);
        assertThat(back.statusCode()).isEqualTo(303);
        return back;
    }

    private String exchange(HttpResponse<String> back) {
        OAuthClient oauth = new OAuthClient(app().client(), base);
        OAuthClient.Reply tokens = oauth.token(OAuthClient.basic(clientId(), client.plainSecret()), new Form()
                .param("grant_type", "authorization_code").param("code", OidcBrowser.param(back, "code"))
                .param("redirect_uri", CALLBACK).param("code_verifier", VERIFIER));
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        return tokens.body().get("id_token").asText();
    }

    /** An ID token signed with the server's own keys, issued {@code ago}, for {@code issuer}. */
    private String mintedIdToken(String issuer, Duration ago) {
        Clock past = Clock.fixed(Instant.now().minus(ago), ZoneOffset.UTC);
        var keys = OpenIdConnect.signingKeys(app().getConfiguration(), data.jdbi(), Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream()));
        IdTokens tokens = new IdTokens(new JwtSigner(keys), SubjectIdentifiers.PUBLIC,
                new UserOidcClaims(new JdbiUserStore(data.jdbi())), Duration.ofMinutes(10), past);
        return tokens.issue(new IdTokenRequest(issuer, clientId(), userId, ScopeSet.of("openid"), past.instant(),
                null, null, null));
    }

    private static String logoutUrl(String... params) {
        StringBuilder url = new StringBuilder("/o/logout/");
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(params[i]).append('=').append(OidcBrowser.enc(params[i + 1]));
        }
        return url.toString();
    }

    private static void assertErrorPage(HttpResponse<String> response, String says) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("Sign-out failed").contains(says);
    }

    @Test
    void discoveryListsTheEndSessionEndpoint() {
        OAuthClient.Reply discovery = new OAuthClient(app().client(), base).get("/.well-known/openid-configuration",
                null);
        assertThat(discovery.body().get("end_session_endpoint").asText()).isEqualTo(base + "/o/logout/");
    }

    @Test
    void aValidHintAndARegisteredUriEndTheSessionAndRedirectWithState() throws Exception {
        OidcBrowser browser = signedIn();
        String hint = idTokenOf(browser);
        HttpResponse<String> out = browser.get(logoutUrl("id_token_hint", hint, "post_logout_redirect_uri", AFTER,
                "state", "st 8&x", "ui_locales", "fr-CA fr en"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).isEqualTo(AFTER + "?state=st%208%26x");
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tollgate_session=;")
                || c.startsWith("tollgate_session=\"\""));
        assertThat(sessionsOfUser()).isZero();
        assertThat(isSignedIn(browser)).isFalse();
        // The registered URI keeps its own query; the audit trail says who signed out, for which application.
        HttpResponse<String> again = signedInLogout("post_logout_redirect_uri", AFTER + "?from=rp", "state", "z");
        assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo(AFTER + "?from=rp&state=z");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long audited = 0;
        while (audited < 2 && System.nanoTime() < deadline) {
            audited = data.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event WHERE event_type = "
                    + "'signout' AND actor_id = :u AND client_id = :c").bind("u", userId).bind("c", clientId())
                    .mapTo(Long.class).one());
            Thread.sleep(50);
        }
        assertThat(audited).isEqualTo(2);
    }

    private HttpResponse<String> signedInLogout(String... params) {
        OidcBrowser browser = signedIn();
        String hint = idTokenOf(browser);
        String[] all = new String[params.length + 2];
        all[0] = "id_token_hint";
        all[1] = hint;
        System.arraycopy(params, 0, all, 2, params.length);
        HttpResponse<String> out = browser.get(logoutUrl(all));
        assertThat(out.statusCode()).isEqualTo(302);
        return out;
    }

    @Test
    void anExpiredHintIsStillAccepted() {
        OidcBrowser browser = signedIn();
        String expired = mintedIdToken(base, Duration.ofDays(1));
        HttpResponse<String> out = browser.get(logoutUrl("id_token_hint", expired, "client_id", clientId(),
                "post_logout_redirect_uri", AFTER, "state", "old"));
        assertThat(out.statusCode()).as(out.body()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).isEqualTo(AFTER + "?state=old");
        assertThat(isSignedIn(browser)).isFalse();
    }

    @Test
    void aHintWithABadSignatureOrForAnotherIssuerIsAnErrorPageAndTheSessionStays() {
        OidcBrowser browser = signedIn();
        String hint = idTokenOf(browser);
        String[] parts = hint.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertErrorPage(browser.get(logoutUrl("id_token_hint", tampered, "post_logout_redirect_uri", AFTER)),
                "not an ID token this server issued");
        assertErrorPage(browser.get(logoutUrl("id_token_hint", mintedIdToken("https://evil.example", Duration.ZERO),
                "post_logout_redirect_uri", AFTER)), "not an ID token this server issued");
        assertErrorPage(browser.get(logoutUrl("id_token_hint", "garbage")), "not an ID token this server issued");
        assertThat(isSignedIn(browser)).isTrue();
    }

    @Test
    void anUnregisteredUriIsAnErrorPageNeverARedirect() {
        OidcBrowser browser = signedIn();
        String hint = idTokenOf(browser);
        for (String uri : List.of("https://evil.example/", AFTER + "/", "http://127.0.0.1:9/other-bye",
                "javascript:alert(1)")) {
            assertErrorPage(browser.get(logoutUrl("id_token_hint", hint, "post_logout_redirect_uri", uri)),
                    "not registered");
        }
        assertErrorPage(browser.get(logoutUrl("client_id", clientId(), "post_logout_redirect_uri", "https://evil.example/")),
                "not registered");
        assertErrorPage(browser.get(logoutUrl("post_logout_redirect_uri", AFTER)), "needs an id_token_hint");
        assertThat(isSignedIn(browser)).isTrue();
    }

    @Test
    void aClientIdThatIsNotTheHintsAudienceIsAnErrorPage() {
        OidcBrowser browser = signedIn();
        String hint = idTokenOf(browser);
        assertErrorPage(browser.get(logoutUrl("id_token_hint", hint, "client_id", other.client().clientId(),
                "post_logout_redirect_uri", "http://127.0.0.1:9/other-bye")), "client_id");
        assertErrorPage(browser.get(logoutUrl("client_id", "no-such-client-id")), "client_id");
        assertThat(isSignedIn(browser)).isTrue();
    }

    @Test
    void withoutAHintTheUserConfirmsThenIsSignedOutAndSentBack() {
        OidcBrowser browser = signedIn();
        HttpResponse<String> ask = browser.get(logoutUrl("client_id", clientId(), "post_logout_redirect_uri", AFTER,
                "state", "q"));
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Sign out of Tollgate?").contains(client.client().name())
                .contains("name=\"post_logout_redirect_uri\" value=\"" + AFTER + "\"");
        assertThat(ask.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' http://127.0.0.1:9");
        assertThat(isSignedIn(browser)).as("nothing happens before the answer").isTrue();

        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("csrf_token", OidcBrowser.csrf(ask));
        answer.put("client_id", clientId());
        answer.put("post_logout_redirect_uri", AFTER);
        answer.put("state", "q");
        answer.put("confirm", "yes");
        HttpResponse<String> out = browser.post("/o/logout/", answer);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).isEqualTo(AFTER + "?state=q");
        assertThat(isSignedIn(browser)).isFalse();
        assertThat(sessionsOfUser()).isZero();
    }

    @Test
    void withNothingToReturnToTheSignedOutPageShows() {
        OidcBrowser browser = signedIn();
        HttpResponse<String> ask = browser.get("/o/logout/");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("An application asks to sign you out").contains(username);
        HttpResponse<String> out = browser.post("/o/logout/", Map.of("csrf_token", OidcBrowser.csrf(ask),
                "confirm", "yes"));
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("You are signed out").doesNotContain(">Sign out</button>");
        assertThat(isSignedIn(browser)).isFalse();

        // A confirmation without the page's CSRF token does nothing.
        OidcBrowser second = signedIn();
        HttpResponse<String> forged = second.post("/o/logout/", Map.of("csrf_token", "x".repeat(43), "confirm", "yes"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(isSignedIn(second)).isTrue();
    }

    @Test
    void anApplicationsFormPostWorksLikeGet() {
        OidcBrowser browser = signedIn();
        String hint = idTokenOf(browser);
        HttpResponse<String> out = browser.post("/o/logout/", Map.of("id_token_hint", hint,
                "post_logout_redirect_uri", AFTER, "state", "p"));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).isEqualTo(AFTER + "?state=p");
        assertThat(isSignedIn(browser)).isFalse();

        // Cross-site, a browser withholds the SameSite=Lax cookie: "no session" may be wrong, so the user is asked.
        OidcBrowser cookieless = new OidcBrowser(base);
        HttpResponse<String> ask = cookieless.post("/o/logout/", Map.of("id_token_hint", hint,
                "post_logout_redirect_uri", AFTER, "state", "p"));
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Sign out of Tollgate?");
    }

    @Test
    void nulBytesAndOversizedParametersAreErrorPages() {
        OidcBrowser browser = signedIn();
        String hint = idTokenOf(browser);
        assertErrorPage(browser.get("/o/logout/?client_id=" + OidcBrowser.enc(clientId()) + "&state=a%00b"),
                "characters");
        assertErrorPage(browser.post("/o/logout/", Map.of("id_token_hint", hint + "\u0000",
                "post_logout_redirect_uri", AFTER)), "characters");
        assertErrorPage(browser.get("/o/logout/?client_id=a%00b"), "characters");
        assertErrorPage(browser.get(logoutUrl("client_id", clientId(), "state", "s".repeat(2001))), "too long");
        assertErrorPage(browser.post("/o/logout/", Map.of("id_token_hint", "e".repeat(9000))), "too long");
        assertErrorPage(browser.get(logoutUrl("client_id", "c".repeat(101))), "too long");
        assertErrorPage(browser.get("/o/logout/?state=a&state=b"), "repeated");
        assertThat(isSignedIn(browser)).isTrue();
    }

    @Test
    void aSignInThatContinuesToARegisteredClientMayRedirectThereAfterItsPost() {
        // prompt=login or max_age with a remembered consent: login POST -> /o/authorize/ -> the client, one chain
        // that browsers hold to the sign-in page's form-action.
        OidcBrowser browser = signedIn();
        String next = "/o/authorize/?response_type=code&client_id=" + OidcBrowser.enc(clientId()) + "&redirect_uri="
                + OidcBrowser.enc(CALLBACK) + "&scope=openid";
        HttpResponse<String> form = browser.get("/accounts/login/?again=1&next=" + OidcBrowser.enc(next));
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow())
                .endsWith("form-action 'self' http://127.0.0.1:9");
        String foreign = next.replace(OidcBrowser.enc(CALLBACK), OidcBrowser.enc("https://evil.example/cb"));
        assertThat(browser.get("/accounts/login/?again=1&next=" + OidcBrowser.enc(foreign)).headers()
                .firstValue("Content-Security-Policy").orElseThrow()).endsWith("form-action 'self'");
    }

    @Test
    void theApplicationPagesRegisterPostLogoutUrisAndTheTokenFormat() {
        OidcBrowser browser = signedIn();
        HttpResponse<String> blank = browser.get("/o/applications/register/");
        assertThat(blank.body()).contains("id_post_logout_redirect_uris").contains("id_token_format_jwt")
                .contains("value=\"opaque\" id=\"id_token_format_opaque\" checked");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", OidcBrowser.csrf(blank));
        form.put("name", "Logout RP");
        form.put("client_type", "confidential");
        form.put("grant_types", "authorization_code");
        form.put("redirect_uris", CALLBACK);
        form.put("post_logout_redirect_uris", "https://rp.example/bye\nhttp://127.0.0.1:9/bye");
        form.put("token_format", "jwt");
        HttpResponse<String> created = browser.post("/o/applications/register/", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("<code>https://rp.example/bye</code>").contains(">jwt<");
        Map<String, Object> row = data.jdbi().withHandle(h -> h.createQuery("SELECT post_logout_redirect_uris, "
                + "access_token_format FROM oauth_application WHERE name = 'Logout RP' AND user_id = :u")
                .bind("u", userId).mapToMap().one());
        assertThat(row.get("post_logout_redirect_uris")).isEqualTo("https://rp.example/bye http://127.0.0.1:9/bye");
        assertThat(row.get("access_token_format")).isEqualTo("jwt");

        form.put("post_logout_redirect_uris", "http://rp.example/bye");
        form.put("name", "Bad RP");
        HttpResponse<String> refused = browser.post("/o/applications/register/", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("http://rp.example/bye: Plain http is allowed only for loopback");
        form.put("post_logout_redirect_uris", "");
        form.put("token_format", "paseto");
        assertThat(browser.post("/o/applications/register/", form).body()).contains("Choose one of: jwt, opaque.");
    }
}
