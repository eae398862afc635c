package io.tollgate.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import io.tollgate.users.PasswordHasher;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The browser pages over HTTP against the running application, on each database. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class BrowserPagesIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("browserpages", ClockedTestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CALLBACK = "http://127.0.0.1:9/callback";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    /** This class's own application's clock. */
    private io.tollgate.oauth.MutableClock clock() {
        return ((ClockedApp) app().getApplication()).clock();
    }

    String base() {
        return "http://127.0.0.1:" + app().getLocalPort();
    }

    Browser browser() {
        return new Browser(base());
    }

    /** A fresh user per test, so tests never share sessions or applications. */
    String user(String password) throws Exception {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = database().connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO auth_user (username, email, first_name, last_name, password, is_active, is_staff, "
                        + "is_superuser, date_joined) VALUES (?, '', '', '', ?, TRUE, FALSE, FALSE, CURRENT_TIMESTAMP)")) {
            s.setString(1, username);
            s.setString(2, new PasswordHasher(1000).hash(password));
            s.executeUpdate();
        }
        return username;
    }

    Browser signedIn() throws Exception {
        Browser browser = browser();
        HttpResponse<String> response = browser.signIn(user("pw-123456"), "pw-123456");
        assertThat(response.statusCode()).isEqualTo(303);
        return browser;
    }

    /** Registers through the form; returns the client_id. */
    static String register(Browser browser, String clientType, String grant, String redirectUris) {
        String token = Browser.csrf(browser.get("/o/applications/register/"));
        HttpResponse<String> created = browser.post("/o/applications/register/", "csrf_token", token,
                "name", "Test app", "client_type", clientType, "grant_types", grant, "redirect_uris", redirectUris);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("id=\"client-id\">([^<]+)<").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String authorizeUrl(String clientId, String... extra) {
        StringBuilder url = new StringBuilder("/o/authorize/?response_type=code&client_id=" + Browser.enc(clientId)
                + "&redirect_uri=" + Browser.enc(CALLBACK) + "&state=st8&scope=read"
                + "&code_challenge=" + Pkce.s256(VERIFIER) + "&code_challenge_method=S256");
        for (String e : extra) {
            url.append('&').append(e);
        }
        return url.toString();
    }

    static String query(HttpResponse<String> redirect, String name) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(location);
        return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    @Test
    void pagesSendSecurityHeadersAndAnHttpOnlyLaxCsrfCookie() {
        HttpResponse<String> page = browser().get("/accounts/login/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "script-src 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("tollgate_csrf=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(page.body()).contains("<label for=\"id_username\">").contains("/static/tollgate.css");
        assertThat(browser().get("/static/tollgate.css").body()).contains(":root");
    }

    @Test
    void postsWithoutOrWithAWrongCsrfTokenAreRefused() throws Exception {
        String username = user("pw-123456");
        Browser browser = browser();
        String token = Browser.csrf(browser.get("/accounts/login/"));
        assertThat(browser.post("/accounts/login/", "username", username, "password", "pw-123456").statusCode())
                .isEqualTo(403);
        assertThat(browser.post("/accounts/login/", "csrf_token", token + "x", "username", username,
                "password", "pw-123456").statusCode()).isEqualTo(403);
        Browser other = browser();
        assertThat(other.post("/accounts/login/", "csrf_token", token, "username", username,
                "password", "pw-123456").statusCode()).as("token without its cookie").isEqualTo(403);
        assertThat(browser.cookies).doesNotContainKey("tollgate_session");
    }

    @Test
    void badLoginsLookAlikeAndNulNeverBreaksTheServer() throws Exception {
        String username = user("pw-123456");
        Browser browser = browser();
        String token = Browser.csrf(browser.get("/accounts/login/"));
        HttpResponse<String> wrong = browser.post("/accounts/login/", "csrf_token", token, "username", username,
                "password", "nope");
        HttpResponse<String> unknown = browser.post("/accounts/login/", "csrf_token", token, "username", "nobody",
                "password", "nope");
        HttpResponse<String> nul = browser.post("/accounts/login/", "csrf_token", token, "username", username,
                "password", "pw-123456\0");
        for (HttpResponse<String> r : java.util.List.of(wrong, unknown, nul)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Please enter a correct username and password.");
        }
        assertThat(wrong.body()).contains("value=\"" + username + "\"");
    }

    @Test
    void signInRedirectsOnlyToLocalPaths() throws Exception {
        String username = user("pw-123456");
        for (String[] c : new String[][] {{"/o/authorized_tokens/", "/o/authorized_tokens/"},
                {"//evil.example/", "/o/applications/"}, {"https://evil.example/", "/o/applications/"},
                {"/\\evil.example", "/o/applications/"}, {"javascript:alert(1)", "/o/applications/"}}) {
            Browser browser = browser();
            String token = Browser.csrf(browser.get("/accounts/login/?next=" + Browser.enc(c[0])));
            HttpResponse<String> r = browser.post("/accounts/login/", "csrf_token", token, "username", username,
                    "password", "pw-123456", "next", c[0]);
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(c[0]).endsWith(c[1]);
            String session = r.headers().allValues("Set-Cookie").stream()
                    .filter(s -> s.startsWith("tollgate_session=")).findFirst().orElseThrow();
            assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        }
    }

    @Test
    void logoutEndsTheSessionServerSide() throws Exception {
        Browser browser = signedIn();
        String session = browser.cookies.get("tollgate_session");
        String token = Browser.csrf(browser.get("/o/applications/"));
        assertThat(browser.post("/accounts/logout/", "csrf_token", token).statusCode()).isEqualTo(303);
        Browser replay = browser();
        replay.cookies.put("tollgate_session", session);
        HttpResponse<String> r = replay.get("/o/applications/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/accounts/login/");
    }

    @Test
    void sessionsExpireAfterTheIdleTimeoutAndArePersistedAsHashes() throws Exception {
        Browser browser = signedIn();
        String session = browser.cookies.get("tollgate_session");
        try (Connection c = database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT session_hash FROM web_session")) {
            java.util.List<String> hashes = new java.util.ArrayList<>();
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
            assertThat(hashes).contains(TokenHasher.sha256Hex(session)).doesNotContain(session);
        }
        clock().advance(Duration.ofMinutes(119));
        assertThat(browser.get("/o/applications/").statusCode()).isEqualTo(200);
        clock().advance(Duration.ofMinutes(119));
        assertThat(browser.get("/o/applications/").statusCode()).as("activity extended it").isEqualTo(200);
        clock().advance(Duration.ofMinutes(120));
        assertThat(browser.get("/o/applications/").statusCode()).isEqualTo(303);
    }

    @Test
    void aPasswordChangeEndsExistingSessions() throws Exception {
        Browser browser = signedIn();
        try (Connection c = database().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE auth_user SET password = 'pbkdf2_sha256$1000$x$y' WHERE id = "
                    + "(SELECT user_id FROM web_session WHERE session_hash = '"
                    + TokenHasher.sha256Hex(browser.cookies.get("tollgate_session")) + "')");
        }
        assertThat(browser.get("/o/applications/").statusCode()).isEqualTo(303);
    }

    @Test
    void authorizeErrorsBeforeTheRedirectUriIsTrustedAreShownNeverRedirected() throws Exception {
        Browser browser = signedIn();
        String clientId = register(browser, "public", "authorization_code", CALLBACK);
        for (String url : new String[] {
                authorizeUrl("unknown-client"),
                authorizeUrl(clientId).replace(Browser.enc(CALLBACK), Browser.enc("http://127.0.0.1:9/evil")),
                authorizeUrl(clientId).replace("redirect_uri=", "x="),
                authorizeUrl(clientId) + "&client_id=" + clientId}) {
            HttpResponse<String> r = browser.get(url);
            assertThat(r.statusCode()).as(url).isEqualTo(400);
            assertThat(r.headers().firstValue("Location")).isEmpty();
            assertThat(r.body()).contains("Authorization failed");
        }
    }

    @Test
    void otherAuthorizeErrorsRedirectWithErrorStateAndIssuer() throws Exception {
        Browser browser = signedIn();
        String clientId = register(browser, "public", "authorization_code", CALLBACK);
        String passwordOnly = register(browser, "confidential", "password", CALLBACK);
        String[][] cases = {
                {authorizeUrl(clientId).replace("response_type=code", "response_type=token"), "unsupported_response_type"},
                {authorizeUrl(clientId).replace("response_type=code", "response_type=x"), "unsupported_response_type"},
                {authorizeUrl(clientId).replace("response_type=code&", ""), "invalid_request"},
                {authorizeUrl(clientId).replace("scope=read", "scope=admin"), "invalid_scope"},
                {authorizeUrl(clientId).replace("code_challenge=", "x="), "invalid_request"},
                {authorizeUrl(clientId).replace("S256", "plain"), "invalid_request"},
                {authorizeUrl(clientId) + "&scope=write", "invalid_request"},
                {authorizeUrl(passwordOnly), "unauthorized_client"}};
        for (String[] c : cases) {
            HttpResponse<String> r = browser.get(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?");
            assertThat(query(r, "error")).as(c[0]).isEqualTo(c[1]);
            assertThat(query(r, "error_description")).isNotBlank();
            assertThat(query(r, "state")).isEqualTo("st8");
            assertThat(query(r, "iss")).isEqualTo(base());
        }
    }

    @Test
    void signedOutVisitorsGoToSignInAndComeBack() throws Exception {
        Browser owner = signedIn();
        String clientId = register(owner, "public", "authorization_code", CALLBACK);
        Browser visitor = browser();
        HttpResponse<String> r = visitor.get(authorizeUrl(clientId));
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/accounts/login/?next=");
        String next = URLDecoder.decode(location.substring(location.indexOf("next=") + 5), StandardCharsets.UTF_8);
        assertThat(next).isEqualTo(authorizeUrl(clientId));
        String username = user("pw-123456");
        String token = Browser.csrf(visitor.get(location));
        HttpResponse<String> back = visitor.post("/accounts/login/", "csrf_token", token, "username", username,
                "password", "pw-123456", "next", next);
        assertThat(back.headers().firstValue("Location").orElseThrow()).isEqualTo(base() + next);
    }

    @Test
    void consentAllowIssuesAHashedSingleUseCodeAndIsRemembered() throws Exception {
        Browser browser = signedIn();
        String clientId = register(browser, "public", "authorization_code", CALLBACK);
        HttpResponse<String> consent = browser.get(authorizeUrl(clientId));
        assertThat(consent.statusCode()).as(consent.headers().map().toString()).isEqualTo(200);
        assertThat(consent.body()).contains("Test app").contains("Read scope").contains("value=\"allow\"");
        assertThat(consent.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' http://127.0.0.1:9");
        String token = Browser.csrf(consent);
        String[] form = {"client_id", clientId, "redirect_uri", CALLBACK, "response_type", "code", "scope", "read",
                "state", "st8", "code_challenge", Pkce.s256(VERIFIER), "code_challenge_method", "S256"};
        assertThat(browser.post("/o/authorize/", concat(form, "decision", "allow")).statusCode())
                .as("no csrf").isEqualTo(403);
        HttpResponse<String> allowed = browser.post("/o/authorize/", concat(form, "decision", "allow",
                "csrf_token", token));
        assertThat(allowed.statusCode()).isEqualTo(303);
        String code = query(allowed, "code");
        assertThat(code).hasSize(43);
        assertThat(query(allowed, "state")).isEqualTo("st8");
        assertThat(query(allowed, "iss")).isEqualTo(base());
        try (Connection c = database().connect(); PreparedStatement s = c.prepareStatement(
                "SELECT code_hash, code_challenge, redirect_uri FROM oauth_authorization_code WHERE code_hash = ?")) {
            s.setString(1, TokenHasher.sha256Hex(code));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("code_challenge")).isEqualTo(Pkce.s256(VERIFIER));
                assertThat(rs.getString("redirect_uri")).isEqualTo(CALLBACK);
            }
        }
        HttpResponse<String> again = browser.get(authorizeUrl(clientId));
        assertThat(again.statusCode()).as("consent remembered").isEqualTo(302);
        assertThat(query(again, "code")).isNotEqualTo(code);
        HttpResponse<String> wider = browser.get(authorizeUrl(clientId).replace("scope=read", "scope=read+write"));
        assertThat(wider.statusCode()).as("wider scope asks again").isEqualTo(200);
    }

    @Test
    void consentDenyRedirectsAccessDenied() throws Exception {
        Browser browser = signedIn();
        String clientId = register(browser, "public", "authorization_code", CALLBACK);
        String token = Browser.csrf(browser.get(authorizeUrl(clientId)));
        HttpResponse<String> denied = browser.post("/o/authorize/", "client_id", clientId, "redirect_uri", CALLBACK,
                "response_type", "code", "scope", "read", "state", "st8", "code_challenge", Pkce.s256(VERIFIER),
                "code_challenge_method", "S256", "decision", "deny", "csrf_token", token);
        assertThat(denied.statusCode()).isEqualTo(303);
        assertThat(query(denied, "error")).isEqualTo("access_denied");
        assertThat(query(denied, "state")).isEqualTo("st8");
        assertThat(query(denied, "code")).isNull();
    }

    @Test
    void applicationFormKeepsInputShowsErrorsAndOthersCannotSeeTheApp() throws Exception {
        Browser browser = signedIn();
        String token = Browser.csrf(browser.get("/o/applications/register/"));
        HttpResponse<String> bad = browser.post("/o/applications/register/", "csrf_token", token, "name", "Kept <b>",
                "client_type", "public", "grant_types", "authorization_code", "redirect_uris", "http://evil.example/cb");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("value=\"Kept &lt;b&gt;\"").contains("http://evil.example/cb")
                .contains("Plain http is allowed only for loopback");
        String clientId = register(browser, "confidential", "password", "");
        HttpResponse<String> list = browser.get("/o/applications/");
        Matcher m = Pattern.compile("href=\"/o/applications/(\\d+)/\"").matcher(list.body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        assertThat(browser.get("/o/applications/" + id + "/").body()).contains(clientId)
                .doesNotContain("id=\"client-secret\"");
        Browser stranger = signedIn();
        assertThat(stranger.get("/o/applications/" + id + "/").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/o/applications/").body()).doesNotContain(clientId);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
