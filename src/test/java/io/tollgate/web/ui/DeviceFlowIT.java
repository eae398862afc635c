package io.tollgate.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import io.tollgate.testing.Together;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The device authorization grant (RFC 8628) over HTTP against the running application: the device's
 * endpoint, the person's verification and consent pages, and the token endpoint's every answer. No clock is
 * moved: expiry is tested by back-dating the row, slow_down by polling twice at once.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class DeviceFlowIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("device", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private OAuthClient oauth;
    private RegisteredClient tv;
    private String username;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        oauth = new OAuthClient(app().client(), base());
        tv = data.client("TV " + UUID.randomUUID(), ClientType.PUBLIC, Set.of(GrantType.DEVICE_CODE), List.of(),
                null);
        username = "u" + UUID.randomUUID().toString().substring(0, 8);
        data.user(username, "pw-123456", false, false);
    }

    private String base() {
        return "http://127.0.0.1:" + app().getLocalPort();
    }

    private Reply start(RegisteredClient client, String scope) {
        Form form = new Form().param("client_id", client.client().clientId());
        if (scope != null) {
            form.param("scope", scope);
        }
        return oauth.post("/o/device-authorization/", null, form);
    }

    private Reply started() {
        Reply reply = start(tv, "read");
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return reply;
    }

    private Reply poll(RegisteredClient client, String deviceCode) {
        return oauth.token(null, new Form().param("grant_type", DEVICE_GRANT)
                .param("client_id", client.client().clientId()).param("device_code", deviceCode));
    }

    private static void assertError(Reply reply, int status, String error) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
        assertThat(reply.body().get("error").asText()).isEqualTo(error);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    private Browser signedIn() {
        Browser browser = new Browser(base());
        assertThat(browser.signIn(username, "pw-123456").statusCode()).isEqualTo(303);
        return browser;
    }

    /** Types the code on the verification page; returns the consent page (or whatever came back). */
    private static HttpResponse<String> enter(Browser browser, String typed) {
        String csrf = Browser.csrf(browser.get("/o/device/"));
        return browser.post("/o/device/", "csrf_token", csrf, "user_code", typed);
    }

    private static HttpResponse<String> answer(Browser browser, String userCode, String decision) {
        HttpResponse<String> consent = enter(browser, userCode);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        return browser.post("/o/device/", "csrf_token", Browser.csrf(consent), "user_code", userCode,
                "decision", decision);
    }

    @Test
    void deviceAuthorizationAnswersEveryRfc8628Member() {
        Reply reply = started();
        String userCode = reply.body().get("user_code").asText();
        assertThat(reply.body().get("device_code").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(userCode).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(reply.body().get("verification_uri").asText()).isEqualTo(base() + "/o/device/");
        assertThat(reply.body().get("verification_uri_complete").asText())
                .isEqualTo(base() + "/o/device/?user_code=" + userCode);
        assertThat(reply.body().get("expires_in").asLong()).isEqualTo(600);
        assertThat(reply.body().get("interval").asLong()).isEqualTo(5);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        // Neither code is stored in plain.
        List<String> stored = data.allText("oauth_device_code");
        assertThat(stored).isNotEmpty().doesNotContain(reply.body().get("device_code").asText(), userCode,
                userCode.replace("-", ""));
    }

    @Test
    void theWholeFlowIssuesOneWorkingTokenPair() {
        Reply device = started();
        String deviceCode = device.body().get("device_code").asText();
        String userCode = device.body().get("user_code").asText();

        Browser browser = new Browser(base());
        HttpResponse<String> toLogin = browser.get("/o/device/?user_code=" + userCode);
        assertThat(toLogin.statusCode()).isEqualTo(303);
        assertThat(toLogin.headers().firstValue("Location").orElseThrow())
                .contains("/accounts/login/?next=" + Browser.enc("/o/device/?user_code=" + userCode));
        browser = signedIn();
        HttpResponse<String> form = browser.get("/o/device/?user_code=" + userCode);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + userCode + "\"");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'");

        // Typed in lower case without the dash: the consent page shows the code as the device does.
        HttpResponse<String> consent = enter(browser, userCode.toLowerCase().replace("-", ""));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains(tv.client().name(), userCode, "Read scope", "name=\"decision\"");
        HttpResponse<String> done = browser.post("/o/device/", "csrf_token", Browser.csrf(consent),
                "user_code", userCode, "decision", "allow");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Device connected");

        Reply tokens = poll(tv, deviceCode);
        assertThat(tokens.status()).as(String.valueOf(tokens.body())).isEqualTo(200);
        assertThat(tokens.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.body().get("scope").asText()).isEqualTo("read");
        assertThat(tokens.body().get("refresh_token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.header("Cache-Control")).isEqualTo("no-store");
        Reply me = oauth.get("/users/", tokens.body().get("access_token").asText());
        assertThat(me.status()).isEqualTo(200);

        // Single use: the device code is spent, and the refresh token works like any other.
        assertError(poll(tv, deviceCode), 400, "invalid_grant");
        Reply refreshed = oauth.token(null, new Form().param("grant_type", "refresh_token")
                .param("client_id", tv.client().clientId())
                .param("refresh_token", tokens.body().get("refresh_token").asText()));
        assertThat(refreshed.status()).as(String.valueOf(refreshed.body())).isEqualTo(200);
    }

    @Test
    void beforeTheAnswerItIsPendingAndPollingTooFastIsSlowDown() {
        String deviceCode = started().body().get("device_code").asText();
        assertError(poll(tv, deviceCode), 400, "authorization_pending");
        assertError(poll(tv, deviceCode), 400, "slow_down");
        assertThat(intervalOf(deviceCode)).isEqualTo(10);
        assertError(poll(tv, deviceCode), 400, "slow_down");
        assertThat(intervalOf(deviceCode)).isEqualTo(15);
    }

    @Test
    void aDeniedRequestIsAccessDenied() {
        Reply device = started();
        HttpResponse<String> done = answer(signedIn(), device.body().get("user_code").asText(), "deny");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Request denied");
        assertError(poll(tv, device.body().get("device_code").asText()), 400, "access_denied");
    }

    @Test
    void anExpiredCodeIsExpiredTokenAndNoLongerAcceptedOnThePage() {
        Reply device = started();
        String deviceCode = device.body().get("device_code").asText();
        data.jdbi().useHandle(handle -> handle.createUpdate("UPDATE oauth_device_code SET expires = :past "
                        + "WHERE device_code_hash = :hash")
                .bind("past", Instant.now().minusSeconds(1))
                .bind("hash", io.tollgate.oauth.token.TokenHasher.sha256Hex(deviceCode))
                .execute());
        assertError(poll(tv, deviceCode), 400, "expired_token");
        HttpResponse<String> refused = enter(signedIn(), device.body().get("user_code").asText());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That code is not valid").doesNotContain("name=\"decision\"");
    }

    @Test
    void simultaneousPollsAfterApprovalIssueExactlyOneTokenPair() throws Exception {
        Reply device = started();
        String deviceCode = device.body().get("device_code").asText();
        answer(signedIn(), device.body().get("user_code").asText(), "allow");
        List<Reply> replies = Together.run(12, () -> poll(tv, deviceCode));
        assertThat(replies.stream().filter(reply -> reply.status() == 200).count()).isEqualTo(1);
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 400));
        assertThat(replies.stream().filter(reply -> reply.status() == 400)
                .map(reply -> reply.body().get("error").asText()))
                .allSatisfy(error -> assertThat(error).isIn("slow_down", "invalid_grant"));
        assertThat(data.count("oauth_refresh_token WHERE application_id = " + tv.client().id())).isEqualTo(1);
    }

    @Test
    void aConfidentialClientAuthenticatesAsAtTheTokenEndpoint() {
        RegisteredClient box = data.client("Box " + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.DEVICE_CODE), List.of(), null);
        Form form = new Form().param("scope", "read write");
        Reply ok = oauth.post("/o/device-authorization/",
                OAuthClient.basic(box.client().clientId(), box.plainSecret()), form);
        assertThat(ok.status()).as(String.valueOf(ok.body())).isEqualTo(200);
        Reply wrong = oauth.post("/o/device-authorization/",
                OAuthClient.basic(box.client().clientId(), "wrong-secret"), new Form());
        assertError(wrong, 401, "invalid_client");
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");
        // A confidential client cannot pass as public by sending only its client_id.
        assertError(start(box, null), 401, "invalid_client");

        // Its device code is not another client's to redeem.
        assertError(poll(tv, ok.body().get("device_code").asText()), 400, "invalid_grant");
    }

    @Test
    void badDeviceAuthorizationRequestsAreRfc6749Errors() {
        RegisteredClient web = data.client("Web " + UUID.randomUUID(), ClientType.PUBLIC,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of("https://app.example/cb"), null);
        assertError(start(web, null), 400, "unauthorized_client");
        assertError(start(tv, "read no-such-scope"), 400, "invalid_scope");
        // Control characters stop at the edge, as on every OAuth endpoint (web/edge).
        assertError(start(tv, "read\u0000"), 400, "invalid_request");
        assertError(oauth.post("/o/device-authorization/", null, new Form()), 401, "invalid_client");
        assertError(oauth.post("/o/device-authorization/", null,
                new Form().param("client_id", "no-such\u0000client")), 400, "invalid_request");
        assertError(oauth.post("/o/device-authorization/?client_id=" + tv.client().clientId(), null, new Form()),
                400, "invalid_request");
        assertError(oauth.post("/o/device-authorization/", null, new Form().param("client_id", tv.client().clientId())
                .param("scope", "read").param("scope", "write")), 400, "invalid_request");
        try (Response json = app().client().target(base() + "/o/device-authorization/")
                .request(MediaType.APPLICATION_JSON).post(Entity.json("{\"client_id\":\"x\"}"))) {
            assertThat(json.getStatus()).isEqualTo(400);
            assertThat(json.readEntity(String.class)).contains("invalid_request");
        }
        assertThat(data.count("oauth_device_code WHERE application_id = " + web.client().id())).isZero();
    }

    @Test
    void badPollsAreRfc6749Errors() {
        assertError(poll(tv, "no-such-device-code"), 400, "invalid_grant");
        assertError(poll(tv, "nul\u0000code"), 400, "invalid_request");
        assertError(oauth.token(null, new Form().param("grant_type", DEVICE_GRANT)
                .param("client_id", tv.client().clientId())), 400, "invalid_request");
        RegisteredClient web = data.client("Web " + UUID.randomUUID(), ClientType.PUBLIC,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of("https://app.example/cb"), null);
        assertError(poll(web, started().body().get("device_code").asText()), 400, "unauthorized_client");
    }

    @Test
    void theVerificationPageKeepsTheConsentPagesRules() {
        Reply device = started();
        String userCode = device.body().get("user_code").asText();
        Browser browser = signedIn();
        HttpResponse<String> noCsrf = browser.post("/o/device/", "user_code", userCode, "decision", "allow");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongCsrf = browser.post("/o/device/", "csrf_token", "x".repeat(43),
                "user_code", userCode, "decision", "allow");
        assertThat(wrongCsrf.statusCode()).isEqualTo(403);
        Browser signedOut = new Browser(base());
        String csrf = Browser.csrf(signedOut.get("/accounts/login/"));
        assertThat(signedOut.post("/o/device/", "csrf_token", csrf, "user_code", userCode, "decision", "allow")
                .statusCode()).isEqualTo(401);
        assertError(poll(tv, device.body().get("device_code").asText()), 400, "authorization_pending");
    }

    @Test
    void wrongCodesAreLimitedPerSession() {
        Reply device = started();
        Browser browser = signedIn();
        HttpResponse<String> malformed = enter(browser, "ABC");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("8 letters and digits");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = enter(browser, "ZZZZ-ZZZ" + "23456".charAt(i));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("That code is not valid");
        }
        HttpResponse<String> locked = enter(browser, device.body().get("user_code").asText());
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many wrong codes").doesNotContain("name=\"decision\"");
        HttpResponse<String> nul = enter(signedIn(), "ABCD\u0000EFGH");
        assertThat(nul.statusCode()).isEqualTo(400);
    }

    @Test
    void metadataAdvertisesTheEndpointAndTheGrant() {
        Reply metadata = oauth.get("/.well-known/oauth-authorization-server", null);
        assertThat(metadata.body().get("device_authorization_endpoint").asText())
                .isEqualTo(base() + "/o/device-authorization/");
        assertThat(metadata.body().get("grant_types_supported").toString()).contains(DEVICE_GRANT);
    }

    private int intervalOf(String deviceCode) {
        return data.jdbi().withHandle(handle -> handle.createQuery("SELECT interval_seconds FROM oauth_device_code "
                        + "WHERE device_code_hash = :hash")
                .bind("hash", io.tollgate.oauth.token.TokenHasher.sha256Hex(deviceCode))
                .mapTo(Integer.class).one());
    }
}
