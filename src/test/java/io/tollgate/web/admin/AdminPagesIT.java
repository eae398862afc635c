package io.tollgate.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import io.tollgate.web.ui.Browser;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The console pages over HTTP: who may see and do what, CSRF, every action's effect and its audit event. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class AdminPagesIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("adminpages", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    static final String PASSWORD = "pw-123456";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    TestData data;
    OAuthClient oauth;
    String tag;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        oauth = new OAuthClient(app().client(), "http://localhost:" + app().getLocalPort());
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    String base() {
        return "http://127.0.0.1:" + app().getLocalPort();
    }

    /** A fresh user; returns [id, username]. */
    Object[] user(String prefix, boolean staff, boolean superuser) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Object[] {data.user(username, PASSWORD, staff, superuser), username};
    }

    Browser signedIn(Object[] user) {
        Browser browser = new Browser(base());
        assertThat(browser.signIn((String) user[1], PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    long groupNamed(String name) {
        return data.jdbi().withHandle(h -> h.createUpdate("INSERT INTO auth_group (name) VALUES (:n)").bind("n", name)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Audit events are written in the background: wait (bounded) until one matching shows up in the table. */
    Map<String, Object> awaitEvent(String type, String subjectName) throws InterruptedException {
        return awaitEvent(type, subjectName, "");
    }

    Map<String, Object> awaitEvent(String type, String subjectName, String inDetails) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> rows = data.jdbi().withHandle(h -> h.createQuery(
                            "SELECT * FROM audit_event WHERE event_type = :t AND subject_name = :s ORDER BY id DESC")
                    .bind("t", type).bind("s", subjectName).mapToMap().list());
            Map<String, Object> match = rows.stream().filter(r -> r.get("details").toString().contains(inDetails))
                    .findFirst().orElse(null);
            if (match != null) {
                return match;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit event " + type + " for " + subjectName);
    }

    Map<String, Object> awaitEventBy(String type, String actorName) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> rows = data.jdbi().withHandle(h -> h.createQuery(
                            "SELECT * FROM audit_event WHERE event_type = :t AND actor_name = :a ORDER BY id DESC")
                    .bind("t", type).bind("a", actorName).mapToMap().list());
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit event " + type + " by " + actorName);
    }

    List<String> pages(long userId, long groupId, long appId) {
        return List.of("/admin/users/", "/admin/users/?q=x&page=2", "/admin/users/new/", "/admin/users/" + userId + "/",
                "/admin/groups/", "/admin/groups/" + groupId + "/", "/admin/groups/" + groupId + "/delete/",
                "/admin/applications/", "/admin/applications/" + appId + "/",
                "/admin/applications/" + appId + "/delete/", "/admin/tokens/", "/admin/tokens/?status=revoked",
                "/admin/audit/", "/admin/audit/?outcome=failure");
    }

    @Test
    void everyPageIsForStaffOnly() {
        Object[] target = user("target", false, false);
        long group = groupNamed("g-" + tag);
        long app = data.passwordClient("app-" + tag).client().id();
        Browser anonymous = new Browser(base());
        Browser ordinary = signedIn(user("plain", false, false));
        Browser staff = signedIn(user("staff", true, false));
        Browser superuser = signedIn(user("root", false, true));
        for (String path : pages((long) target[0], group, app)) {
            HttpResponse<String> out = anonymous.get(path);
            assertThat(out.statusCode()).as(path).isEqualTo(303);
            assertThat(out.headers().firstValue("Location").orElseThrow()).as(path).contains("/accounts/login/?next=");
            HttpResponse<String> refused = ordinary.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("Staff only");
            HttpResponse<String> page = staff.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'");
            assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
            assertThat(superuser.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(staff.get("/admin/").statusCode()).isEqualTo(303);
        assertThat(staff.get("/admin/users/999999999/").statusCode()).isEqualTo(404);
    }

    @Test
    void anOrdinaryUsersPostsChangeNothing() throws Exception {
        Object[] plain = user("plain", false, false);
        Browser ordinary = signedIn(plain);
        String csrf = Browser.csrf(ordinary.get("/o/applications/register/"));
        long group = groupNamed("keep-" + tag);
        HttpResponse<String> create = ordinary.post("/admin/groups/", "csrf_token", csrf, "name", "evil-" + tag);
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(ordinary.post("/admin/groups/" + group + "/delete/", "csrf_token", csrf).statusCode()).isEqualTo(403);
        assertThat(ordinary.post("/admin/users/" + plain[0] + "/", "csrf_token", csrf, "username", (String) plain[1],
                "is_active", "on", "is_staff", "on").statusCode()).isEqualTo(403);
        assertThat(count("auth_group", "name", "evil-" + tag)).isZero();
        assertThat(count("auth_group", "name", "keep-" + tag)).isEqualTo(1);
        assertThat(flag((long) plain[0], "is_staff")).isFalse();
        assertThat(awaitEventBy("admin.access_denied", (String) plain[1]).get("outcome")).isEqualTo("failure");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() {
        Browser staff = signedIn(user("staff", true, false));
        staff.get("/admin/groups/");
        HttpResponse<String> none = staff.post("/admin/groups/", "name", "nocsrf-" + tag);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("Request refused");
        HttpResponse<String> wrong = staff.post("/admin/groups/", "csrf_token", "x".repeat(43), "name", "nocsrf-" + tag);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(count("auth_group", "name", "nocsrf-" + tag)).isZero();
    }

    @Test
    void staffCreateAUserWithThePasswordTwiceAndThePolicyChecked() throws Exception {
        Object[] staffUser = user("staff", true, false);
        Browser staff = signedIn(staffUser);
        long group = groupNamed("team-" + tag);
        String csrf = Browser.csrf(staff.get("/admin/users/new/"));
        String name = "new-" + tag;

        HttpResponse<String> mismatch = staff.post("/admin/users/new/", "csrf_token", csrf, "username", name,
                "password1", "Correct-Horse-9", "password2", "Correct-Horse-8", "is_active", "on");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("didn&#39;t match").doesNotContain("Correct-Horse-9");
        HttpResponse<String> weak = staff.post("/admin/users/new/", "csrf_token", csrf, "username", name,
                "password1", "12345678", "password2", "12345678");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("entirely numeric");
        HttpResponse<String> flags = staff.post("/admin/users/new/", "csrf_token", csrf, "username", name,
                "password1", "Correct-Horse-9", "password2", "Correct-Horse-9", "is_staff", "on");
        assertThat(flags.statusCode()).isEqualTo(400);
        assertThat(flags.body()).contains("Only a superuser");
        assertThat(count("auth_user", "username", name)).isZero();

        HttpResponse<String> created = staff.post("/admin/users/new/", "csrf_token", csrf, "username", name,
                "email", name + "@example.com", "password1", "Correct-Horse-9", "password2", "Correct-Horse-9",
                "is_active", "on", "groups", Long.toString(group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).containsPattern("/admin/users/[0-9]+/\\?notice=created$");
        HttpResponse<String> page = staff.get(location);
        assertThat(page.body()).contains("User created.").contains("team-" + tag);
        Browser newcomer = new Browser(base());
        assertThat(newcomer.signIn(name, "Correct-Horse-9").statusCode()).isEqualTo(303);

        Map<String, Object> event = awaitEvent("admin.user.created", name);
        assertThat(event.get("actor_name")).isEqualTo(staffUser[1]);
        assertThat(event.get("outcome")).isEqualTo("success");
        assertThat(event.get("request_id").toString()).matches("[0-9a-f-]{36}");
        assertThat(event.get("details").toString()).doesNotContain("Correct-Horse-9");
    }

    @Test
    void onlyASuperuserChangesFlagsOrTouchesASuperuser() throws Exception {
        Browser staff = signedIn(user("staff", true, false));
        Browser root = signedIn(user("root", true, true));
        Object[] target = user("target", false, false);
        Object[] boss = user("boss", true, true);
        String csrf = Browser.csrf(staff.get("/admin/users/" + target[0] + "/"));
        // Staff saving the form with the staff box ticked: the flag stays as it was.
        assertThat(staff.post("/admin/users/" + target[0] + "/", "csrf_token", csrf, "username", (String) target[1],
                "is_active", "on", "is_staff", "on").statusCode()).isEqualTo(303);
        assertThat(flag((long) target[0], "is_staff")).isFalse();
        assertThat(staff.post("/admin/users/" + boss[0] + "/active/", "csrf_token", csrf, "active", "false")
                .statusCode()).isEqualTo(403);
        assertThat(flag((long) boss[0], "is_active")).isTrue();

        String rootCsrf = Browser.csrf(root.get("/admin/users/" + target[0] + "/"));
        assertThat(root.post("/admin/users/" + target[0] + "/", "csrf_token", rootCsrf, "username", (String) target[1],
                "is_active", "on", "is_staff", "on").statusCode()).isEqualTo(303);
        assertThat(flag((long) target[0], "is_staff")).isTrue();
        // The staff member's save above changed nothing and was recorded without flags; this one names the flag.
        Map<String, Object> event = awaitEvent("admin.user.changed", (String) target[1], "\"staff\":\"true\"");
        assertThat(event.get("actor_name")).isNotNull();
    }

    @Test
    void deactivatingAndSettingAPasswordAreRecorded() throws Exception {
        Browser staff = signedIn(user("staff", true, false));
        Object[] target = user("target", false, false);
        String path = "/admin/users/" + target[0] + "/";
        String csrf = Browser.csrf(staff.get(path));
        assertThat(staff.post(path + "password/", "csrf_token", csrf, "password1", "short", "password2", "short")
                .statusCode()).isEqualTo(400);
        assertThat(staff.post(path + "password/", "csrf_token", csrf, "password1", "Another-Pass-7",
                "password2", "Another-Pass-7").statusCode()).isEqualTo(303);
        assertThat(new Browser(base()).signIn((String) target[1], "Another-Pass-7").statusCode()).isEqualTo(303);
        awaitEvent("admin.user.password_changed", (String) target[1]);

        assertThat(staff.post(path + "active/", "csrf_token", csrf, "active", "false").statusCode()).isEqualTo(303);
        assertThat(flag((long) target[0], "is_active")).isFalse();
        awaitEvent("admin.user.deactivated", (String) target[1]);
    }

    @Test
    void groupsAreCreatedRenamedAndDeletedWithConfirmation() throws Exception {
        Browser staff = signedIn(user("staff", true, false));
        String csrf = Browser.csrf(staff.get("/admin/groups/"));
        HttpResponse<String> created = staff.post("/admin/groups/", "csrf_token", csrf, "name", "crew-" + tag);
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        Matcher idInPath = Pattern.compile("/admin/groups/([0-9]+)/").matcher(location);
        assertThat(idInPath.find()).as(location).isTrue();
        long id = Long.parseLong(idInPath.group(1));
        assertThat(staff.post("/admin/groups/", "csrf_token", csrf, "name", "crew-" + tag).statusCode()).isEqualTo(400);
        assertThat(staff.post("/admin/groups/" + id + "/", "csrf_token", csrf, "name", "team-" + tag).statusCode())
                .isEqualTo(303);
        assertThat(staff.get("/admin/groups/" + id + "/delete/").body()).contains("Delete group team-" + tag);
        assertThat(staff.post("/admin/groups/" + id + "/delete/", "csrf_token", csrf).statusCode()).isEqualTo(303);
        assertThat(staff.get("/admin/groups/" + id + "/").statusCode()).isEqualTo(404);
        awaitEvent("admin.group.created", "crew-" + tag);
        assertThat(awaitEvent("admin.group.renamed", "team-" + tag).get("details").toString()).contains("crew-" + tag);
        awaitEvent("admin.group.deleted", "team-" + tag);
    }

    @Test
    void revokingAUsersTokensStopsThemAtOnce() throws Exception {
        Browser staff = signedIn(user("staff", true, false));
        Object[] target = user("target", false, false);
        RegisteredClient client = data.passwordClient("app-" + tag);
        String token = oauth.passwordToken(client.client().clientId(), client.plainSecret(), (String) target[1],
                PASSWORD, "read");
        assertThat(oauth.get("/users/", token).status()).isEqualTo(200);

        HttpResponse<String> page = staff.get("/admin/users/" + target[0] + "/");
        assertThat(page.body()).contains(client.client().clientId()).doesNotContain(token);
        HttpResponse<String> tokens = staff.get("/admin/tokens/?user=" + target[1]);
        assertThat(tokens.body()).contains("active").doesNotContain(token).doesNotContain(client.plainSecret());

        String csrf = Browser.csrf(page);
        HttpResponse<String> revoked = staff.post("/admin/users/" + target[0] + "/revoke-tokens/", "csrf_token", csrf);
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("notice=revoked-2");
        assertThat(oauth.get("/users/", token).status()).isEqualTo(401);
        assertThat(staff.get("/admin/tokens/?user=" + target[1] + "&status=revoked").body()).contains("revoked");
        Map<String, Object> event = awaitEvent("admin.token.revoked", (String) target[1]);
        assertThat(event.get("details").toString()).contains("admin_console").contains("\"count\":\"2\"");
    }

    @Test
    void aDisabledApplicationCannotGetTokensUntilEnabled() throws Exception {
        Browser staff = signedIn(user("staff", true, false));
        Object[] owner = user("owner", false, false);
        RegisteredClient client = data.passwordClient("app-" + tag);
        String clientId = client.client().clientId();
        long id = client.client().id();
        String token = oauth.passwordToken(clientId, client.plainSecret(), (String) owner[1], PASSWORD, "read");
        HttpResponse<String> list = staff.get("/admin/applications/");
        assertThat(list.body()).contains(clientId).contains("1 access, 1 refresh");
        String csrf = Browser.csrf(list);

        assertThat(staff.post("/admin/applications/" + id + "/disable/", "csrf_token", csrf).statusCode()).isEqualTo(303);
        assertThat(oauth.get("/users/", token).status()).isEqualTo(401);
        Form login = new Form().param("grant_type", "password").param("username", (String) owner[1])
                .param("password", PASSWORD);
        assertThat(oauth.token(OAuthClient.basic(clientId, client.plainSecret()), login).status()).isEqualTo(401);
        assertThat(staff.get("/admin/applications/" + id + "/").body()).contains("disabled since");

        assertThat(staff.post("/admin/applications/" + id + "/enable/", "csrf_token", csrf).statusCode()).isEqualTo(303);
        assertThat(oauth.token(OAuthClient.basic(clientId, client.plainSecret()), login).status()).isEqualTo(200);
        awaitEvent("admin.application.disabled", clientId);
        awaitEvent("admin.application.enabled", clientId);
    }

    @Test
    void regeneratingASecretShowsItOnceAndDeletingNeedsConfirmation() throws Exception {
        Browser staff = signedIn(user("staff", true, false));
        RegisteredClient client = data.passwordClient("app-" + tag);
        long id = client.client().id();
        String csrf = Browser.csrf(staff.get("/admin/applications/" + id + "/"));
        HttpResponse<String> fresh = staff.post("/admin/applications/" + id + "/secret/", "csrf_token", csrf);
        assertThat(fresh.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("id=\"client-secret\">([^<]+)<").matcher(fresh.body());
        assertThat(secret.find()).isTrue();
        assertThat(staff.get("/admin/applications/" + id + "/").body()).doesNotContain(secret.group(1));
        Map<String, Object> event = awaitEvent("admin.application.secret_regenerated", client.client().clientId());
        assertThat(event.toString()).doesNotContain(secret.group(1));

        assertThat(staff.get("/admin/applications/" + id + "/delete/").body()).contains("cannot be undone");
        assertThat(staff.post("/admin/applications/" + id + "/delete/", "csrf_token", csrf).statusCode()).isEqualTo(303);
        assertThat(staff.get("/admin/applications/" + id + "/").statusCode()).isEqualTo(404);
        awaitEvent("admin.application.deleted", client.client().clientId());
    }

    @Test
    void theAuditPageFiltersAndLinksToTheUser() throws Exception {
        Object[] staffUser = user("staff", true, false);
        Browser staff = signedIn(staffUser);
        String csrf = Browser.csrf(staff.get("/admin/groups/"));
        staff.post("/admin/groups/", "csrf_token", csrf, "name", "audited-" + tag);
        awaitEvent("admin.group.created", "audited-" + tag);
        HttpResponse<String> page = staff.get("/admin/audit/?user=" + staffUser[1] + "&type=admin.group.");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("admin.group.created").contains("audited-" + tag)
                .contains("href=\"/admin/users/" + staffUser[0] + "/\"");
        HttpResponse<String> bad = staff.get("/admin/audit/?from=soon");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter a valid date/time");
    }

    long count(String table, String column, String value) {
        return data.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :v")
                .bind("v", value).mapTo(Long.class).one());
    }

    boolean flag(long userId, String column) {
        return data.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM auth_user WHERE id = :id")
                .bind("id", userId).mapTo(Boolean.class).one());
    }

    /** POST /tasks/NAME?PARAM=VALUE on the admin port: [status, body]. */
    Object[] task(String name, String parameter, String value) {
        Client admin = ClientBuilder.newClient();
        try (admin; Response response = admin.target("http://127.0.0.1:" + app().getAdminPort() + "/tasks/" + name)
                .queryParam(parameter, value).request().post(Entity.text(""))) {
            return new Object[] {response.getStatus(), response.readEntity(String.class)};
        }
    }

    @Test
    void theRevokeUserTokensTaskRevokesEveryLiveTokenAndIsAudited() throws Exception {
        Object[] owner = user("owner", false, false);
        RegisteredClient app = data.passwordClient("task-app-" + tag);
        String token = oauth.passwordToken(app.client().clientId(), app.plainSecret(), (String) owner[1], PASSWORD,
                "read");
        assertThat(oauth.get("/users/", token).status()).isEqualTo(200);

        Object[] done = task("revoke-user-tokens", "user", (String) owner[1]);
        assertThat(done[0]).isEqualTo(200);
        assertThat((String) done[1]).contains("revoked 2 tokens of user " + owner[1]);
        assertThat(oauth.get("/users/", token).status()).isEqualTo(401);
        Map<String, Object> event = awaitEvent("admin.token.revoked", (String) owner[1]);
        assertThat(event.get("actor_name")).isEqualTo("admin task");
        assertThat(event.get("details").toString()).contains("admin_task").contains("\"count\":\"2\"");

        Object[] again = task("revoke-user-tokens", "user", (String) owner[1]);
        assertThat((String) again[1]).contains("revoked 0 tokens");
    }

    @Test
    void theClientTasksRevokeAndDisableAnApplication() throws Exception {
        Object[] owner = user("owner", false, false);
        RegisteredClient app = data.passwordClient("task-app-" + tag);
        String clientId = app.client().clientId();
        String token = oauth.passwordToken(clientId, app.plainSecret(), (String) owner[1], PASSWORD, "read");

        Object[] revoked = task("revoke-client-tokens", "client_id", clientId);
        assertThat(revoked[0]).isEqualTo(200);
        assertThat((String) revoked[1]).contains("revoked 2 tokens of application " + clientId);
        assertThat(oauth.get("/users/", token).status()).isEqualTo(401);

        String second = oauth.passwordToken(clientId, app.plainSecret(), (String) owner[1], PASSWORD, "read");
        Object[] disabled = task("disable-client", "client_id", clientId);
        assertThat(disabled[0]).isEqualTo(200);
        assertThat((String) disabled[1]).contains("disabled application " + clientId).contains("revoked 2 tokens");
        assertThat(oauth.get("/users/", second).status()).isEqualTo(401);
        assertThat(oauth.token(OAuthClient.basic(clientId, app.plainSecret()), new Form().param("grant_type", "password")
                .param("username", (String) owner[1]).param("password", PASSWORD)).status()).isEqualTo(401);
        Map<String, Object> event = awaitEvent("admin.application.disabled", clientId);
        assertThat(event.get("actor_name")).isEqualTo("admin task");
    }

    @Test
    void aTaskNamingNobodyChangesNothingAndSaysWhy() {
        Object[] unknown = task("revoke-user-tokens", "user", "nobody-" + tag);
        assertThat(unknown[0]).isEqualTo(404);
        assertThat((String) unknown[1]).startsWith("{\"error\":").contains("No user named 'nobody-" + tag + "'")
                .doesNotContain("at io.tollgate");
        Object[] noClient = task("disable-client", "client_id", "none-" + tag);
        assertThat(noClient[0]).isEqualTo(404);
        assertThat((String) noClient[1]).contains("No application with client_id");
        Object[] missing = task("revoke-client-tokens", "user", "x");
        assertThat(missing[0]).isEqualTo(400);
        assertThat((String) missing[1]).contains("Give exactly one client_id=...");
    }

    @Test
    void theApplicationsListShowsWhenAnApplicationWasLastUsed() throws Exception {
        Object[] owner = user("owner", false, false);
        RegisteredClient app = data.passwordClient("used-app-" + tag);
        RegisteredClient idle = data.passwordClient("idle-app-" + tag);
        Browser staff = signedIn(user("staff", true, false));
        assertThat(staff.get("/admin/applications/" + app.client().id() + "/").body()).contains("never");
        oauth.passwordToken(app.client().clientId(), app.plainSecret(), (String) owner[1], PASSWORD, "read");
        String page = "";
        for (int i = 0; i < 100 && !page.contains("Last used</dt><dd>2"); i++) {
            Thread.sleep(100);
            page = staff.get("/admin/applications/" + app.client().id() + "/").body();
        }
        assertThat(page).contains("Last used</dt><dd>2");
        assertThat(staff.get("/admin/applications/" + idle.client().id() + "/").body())
                .contains("Last used</dt><dd>never");
        assertThat(staff.get("/admin/applications/").body()).contains("Last used");
    }

    String adminPort(String path) {
        Client admin = ClientBuilder.newClient();
        try (admin; Response response = admin.target("http://127.0.0.1:" + app().getAdminPort() + path).request().get()) {
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            return response.readEntity(String.class);
        }
    }

    /** The flows whose series the dashboard charts: tokens, refusals, API checks, introspection, revocation, sign-in. */
    void exerciseTheFlows() {
        Object[] owner = user("flows", false, false);
        RegisteredClient app = data.passwordClient("flows-" + tag);
        String basic = OAuthClient.basic(app.client().clientId(), app.plainSecret());
        String token = oauth.passwordToken(app.client().clientId(), app.plainSecret(), (String) owner[1], PASSWORD,
                "read");
        assertThat(oauth.token(basic, new Form().param("grant_type", "password").param("username", (String) owner[1])
                .param("password", "wrong")).status()).isEqualTo(400);
        assertThat(oauth.token(OAuthClient.basic(app.client().clientId(), "not-the-secret"), new Form()
                .param("grant_type", "client_credentials")).status()).isEqualTo(401);
        assertThat(oauth.get("/users/", token).status()).isEqualTo(200);
        assertThat(oauth.get("/users/", "no-such-token").status()).isEqualTo(401);
        assertThat(oauth.post("/o/introspect/", basic, new Form().param("token", token)).status()).isEqualTo(200);
        assertThat(oauth.post("/o/revoke_token/", basic, new Form().param("token", token)).status()).isEqualTo(200);
        signedIn(owner);
    }

    @Test
    void everyMetricTheGrafanaDashboardChartsExistsOnPrometheus() {
        exerciseTheFlows();
        String dashboard = adminPort("/grafana/tollgate.json");
        String prometheus = adminPort("/prometheus");
        Set<String> referenced = new TreeSet<>();
        Matcher names = Pattern.compile("\\btollgate_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            referenced.add(names.group());
        }
        assertThat(referenced).hasSizeGreaterThan(15);
        for (String name : referenced) {
            assertThat(Pattern.compile("(?m)^" + name + "[{ ]").matcher(prometheus).find())
                    .as("%s on /prometheus", name).isTrue();
        }
        assertThat(prometheus).containsPattern("tollgate_token_requests_total\\{grant_type=\"password\","
                + "outcome=\"invalid_grant\"} [1-9]");
        assertThat(prometheus).containsPattern("tollgate_token_requests_total\\{grant_type=\"client_credentials\","
                + "outcome=\"invalid_client\"} [1-9]");
        assertThat(prometheus).containsPattern("tollgate_bearer_checks_total\\{result=\"unknown\"} [1-9]");
        assertThat(prometheus).containsPattern("tollgate_revocations_total\\{source=\"client\"} [1-9]");
        assertThat(prometheus).containsPattern("tollgate_http_request_duration_seconds\\{endpoint=\"token\","
                + "quantile=\"0.99\"} [0-9]");
        assertThat(prometheus).contains("tollgate_health_check_healthy{check=\"database\"} 1.0");
        // Labels come from fixed sets only: no client id, no username.
        assertThat(prometheus).doesNotContain("flows-" + tag);
    }

    @Test
    void theStatusPageIsForStaffAndItsScriptsComeFromThisServer() {
        exerciseTheFlows();
        Browser staff = signedIn(user("staff", true, false));
        HttpResponse<String> page = staff.get("/admin/status/");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.body()).contains("<script src=\"/static/uplot/uPlot.iife.min.js\" defer></script>")
                .doesNotContainPattern("<script>|<script [^s]");
        HttpResponse<String> figures = staff.get("/admin/status/figures");
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(figures.body()).contains("\"tokens_issued\"").containsPattern("\"password\":[1-9]")
                .containsPattern("\"invalid_grant\":[1-9]").contains("\"p99_ms\"").contains("\"token_cache\"");
        for (String asset : List.of("/static/uplot/uPlot.iife.min.js", "/static/admin-status.js")) {
            HttpResponse<String> script = new Browser(base()).get(asset);
            assertThat(script.statusCode()).as(asset).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        }
        assertThat(new Browser(base()).get("/static/../migrations.xml").statusCode()).isEqualTo(404);
        assertThat(signedIn(user("plain", false, false)).get("/admin/status/figures").statusCode()).isEqualTo(403);
        assertThat(new Browser(base()).get("/admin/status/figures").statusCode()).isEqualTo(303);
        // Every other console page keeps script-src 'none'.
        assertThat(staff.get("/admin/users/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'none'");
    }
}
