package io.tollgate.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import io.tollgate.web.ui.Browser;
import jakarta.ws.rs.core.Form;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Runs every flow that handles a secret (password grant, refresh, introspection, revocation, failed sign-ins,
 * console user creation and password change, secret regeneration, token pages), then scans every log line,
 * every audit line, the audit_event table and the console pages for any of those values.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsNeverLeakH2IT {
    static final TestDatabase DATABASE = TestDatabase.h2("secretsleak");
    static final DropwizardAppExtension<TollgateConfiguration> APP = TestApp.start(DATABASE);

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger audit;
    private Level auditLevel;

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
        audit = context.getLogger("io.tollgate.audit");
        auditLevel = audit.getLevel();
        audit.setLevel(Level.INFO);
        audit.addAppender(captured);
    }

    @AfterEach
    void release() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        audit.detachAppender(captured);
        audit.setLevel(auditLevel);
    }

    @Test
    void noLogLineAuditLineOrPageCarriesATokenSecretOrPassword() throws Exception {
        TestData data = new TestData(DATABASE);
        OAuthClient oauth = new OAuthClient(APP.client(), "http://localhost:" + APP.getLocalPort());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = new ArrayList<>();

        String userPassword = "User-Pass-" + tag;
        String staffPassword = "Staff-Pass-" + tag;
        String user = "alice-" + tag;
        String staffName = "staff-" + tag;
        long userId = data.user(user, userPassword, false, false);
        data.user(staffName, staffPassword, true, true);
        secrets.add(userPassword);
        secrets.add(staffPassword);
        RegisteredClient client = data.passwordClient("leak-" + tag);
        secrets.add(client.plainSecret());
        String basic = OAuthClient.basic(client.client().clientId(), client.plainSecret());

        JsonNode issued = oauth.token(basic, new Form().param("grant_type", "password").param("username", user)
                .param("password", userPassword).param("scope", "read write")).body();
        String access = issued.get("access_token").asText();
        String refresh = issued.get("refresh_token").asText();
        secrets.add(access);
        secrets.add(refresh);
        JsonNode rotated = oauth.token(basic, new Form().param("grant_type", "refresh_token")
                .param("refresh_token", refresh)).body();
        secrets.add(rotated.get("access_token").asText());
        secrets.add(rotated.get("refresh_token").asText());
        // Reuse of the rotated refresh token: detected, family revoked.
        assertThat(oauth.token(basic, new Form().param("grant_type", "refresh_token").param("refresh_token", refresh))
                .status()).isEqualTo(400);
        String wrongPassword = "Wrong-Pass-" + tag;
        secrets.add(wrongPassword);
        assertThat(oauth.token(basic, new Form().param("grant_type", "password").param("username", user)
                .param("password", wrongPassword)).status()).isEqualTo(400);
        assertThat(oauth.token(OAuthClient.basic(client.client().clientId(), "not-" + client.plainSecret()),
                new Form().param("grant_type", "password").param("username", user).param("password", userPassword))
                .status()).isEqualTo(401);
        secrets.add("not-" + client.plainSecret());
        JsonNode again = oauth.token(basic, new Form().param("grant_type", "password").param("username", user)
                .param("password", userPassword)).body();
        String access2 = again.get("access_token").asText();
        secrets.add(access2);
        secrets.add(again.get("refresh_token").asText());
        oauth.post("/o/introspect/", basic, new Form().param("token", access2));
        oauth.get("/users/", access2);
        oauth.get("/users/", access);
        oauth.post("/o/revoke_token/", basic, new Form().param("token", access2));
        // A secret presented where a token belongs: counted as a bearer check, never logged or charted.
        oauth.get("/users/", client.plainSecret());
        oauth.get("/users/", "has spaces " + userPassword);

        Browser staff = new Browser("http://127.0.0.1:" + APP.getLocalPort());
        assertThat(staff.signIn(staffName, staffPassword).statusCode()).isEqualTo(303);
        String csrf = Browser.csrf(staff.get("/admin/users/new/"));
        String createdPassword = "Created-Pass-" + tag;
        secrets.add(createdPassword);
        assertThat(staff.post("/admin/users/new/", "csrf_token", csrf, "username", "bob-" + tag, "password1",
                createdPassword, "password2", createdPassword, "is_active", "on").statusCode()).isEqualTo(303);
        String newPassword = "Changed-Pass-" + tag;
        secrets.add(newPassword);
        assertThat(staff.post("/admin/users/" + userId + "/password/", "csrf_token", csrf, "password1", newPassword,
                "password2", newPassword).statusCode()).isEqualTo(303);
        HttpResponse<String> regenerated = staff.post("/admin/applications/" + client.client().id() + "/secret/",
                "csrf_token", csrf);
        Matcher fresh = Pattern.compile("id=\"client-secret\">([^<]+)<").matcher(regenerated.body());
        assertThat(fresh.find()).isTrue();
        secrets.add(fresh.group(1));
        List<String> pages = new ArrayList<>();
        for (String path : List.of("/admin/users/" + userId + "/", "/admin/tokens/", "/admin/applications/",
                "/admin/audit/", "/admin/applications/" + client.client().id() + "/")) {
            pages.add(staff.get(path).body());
        }
        staff.post("/accounts/login/", "csrf_token", csrf, "username", user, "password", wrongPassword);
        pages.add(staff.get("/admin/status/").body());
        pages.add(staff.get("/admin/status/figures").body());
        jakarta.ws.rs.client.Client adminPort = jakarta.ws.rs.client.ClientBuilder.newClient();
        try (adminPort) {
            String admin = "http://127.0.0.1:" + APP.getAdminPort();
            pages.add(adminPort.target(admin + "/prometheus").request().get(String.class));
            pages.add(adminPort.target(admin + "/metrics").request().get(String.class));
            pages.add(adminPort.target(admin + "/tasks/revoke-user-tokens").queryParam("user", user).request()
                    .post(jakarta.ws.rs.client.Entity.text(""), String.class));
        }

        // The audit trail is written in the background; wait for the last event before scanning.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!hasEvent(data, "admin.application.secret_regenerated") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(hasEvent(data, "admin.application.secret_regenerated")).isTrue();
        List<String> auditRows = data.allText("audit_event");
        List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();

        assertThat(lines).as("audit lines were captured").anyMatch(l -> l.contains("\"token.issued\""));
        assertThat(lines).anyMatch(l -> l.contains("\"token.reuse_detected\""));
        assertThat(auditRows).anyMatch(v -> v.equals("signin.failed"));
        assertThat(lines).anyMatch(l -> l.contains("\"token.refused\"") && l.contains("invalid_grant"));
        assertThat(lines).anyMatch(l -> l.contains("\"signin.succeeded\""));
        assertThat(lines).anyMatch(l -> l.contains("\"token.introspected\""));
        assertThat(pages).anyMatch(page -> page.contains("tollgate_bearer_checks_total"));
        for (String secret : secrets) {
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(auditRows).as("audit_event rows").noneMatch(value -> value.contains(secret));
            assertThat(pages).as("console pages").noneMatch(page -> page.contains(secret));
        }
    }

    private static boolean hasEvent(TestData data, String type) {
        return data.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event WHERE event_type = :t")
                .bind("t", type).mapTo(Long.class).one()) > 0;
    }
}
