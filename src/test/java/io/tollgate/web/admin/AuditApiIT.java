package io.tollgate.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.persistence.JdbiAuditStore;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** GET /admin/api/audit over HTTP: who may read it, its filters and paging, its errors, and the purge. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class AuditApiIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("auditapi", database -> TestApp.start(database,
            // the documented opt-in (config.yml), for these tests only: others treat "admin" as unknown
            ConfigOverride.config("oauth.scopes.admin", "Read the audit trail")));
    @Parameter
    TestDatabase.Kind kind;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private OAuthClient http;
    private RegisteredClient client;
    private String tag;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        http = new OAuthClient(app().client(), "http://localhost:" + app().getLocalPort());
        client = data.passwordClient("siem-" + UUID.randomUUID());
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private String token(boolean staff, String scope) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        data.user(username, "pw-123456", staff, false);
        return http.passwordToken(client.client().clientId(), client.plainSecret(), username, "pw-123456", scope);
    }

    private void store(AuditEvent... events) {
        new JdbiAuditStore(data.jdbi(), new ObjectMapper()).write(List.of(events));
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void onlyAStaffTokenWithTheAdminScopeReadsTheTrail() {
        Reply none = http.get("/admin/api/audit", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().has("detail")).isTrue();

        Reply noScope = http.get("/admin/api/audit", token(true, "read"));
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.header("WWW-Authenticate")).contains("insufficient_scope").contains("admin");

        Reply notStaff = http.get("/admin/api/audit", token(false, "admin"));
        assertThat(notStaff.status()).isEqualTo(403);
        assertThat(notStaff.body().get("detail").asText()).contains("permission");

        Reply staff = http.get("/admin/api/audit", token(true, "admin"));
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body().has("count")).isTrue();
        assertThat(staff.body().get("results").isArray()).isTrue();
        assertThat(staff.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void filtersByUserClientTypeOutcomeAndTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String alice = "alice-" + tag;
        String appId = "app-" + tag;
        store(AuditEvent.of("user.created", AuditOutcome.SUCCESS).actor(AuditParty.user(1, "root"))
                        .subject(AuditParty.user(900001, alice)).at(now.minusSeconds(3600)),
                AuditEvent.of("token.issued", AuditOutcome.SUCCESS).actor(AuditParty.user(900001, alice))
                        .client(appId).detail("grant_type", "password").at(now.minusSeconds(60)),
                AuditEvent.of("signin.failed", AuditOutcome.FAILURE).actor(AuditParty.user(900001, alice))
                        .detail("reason", "bad_password").at(now.minusSeconds(30)));
        String admin = token(true, "admin");

        JsonNode byUser = http.get("/admin/api/audit?user=" + alice, admin).body();
        assertThat(byUser.get("count").asLong()).isEqualTo(3);
        assertThat(byUser.at("/results/0/type").asText()).isEqualTo("signin.failed");

        assertThat(http.get("/admin/api/audit?user=900001", admin).body().get("count").asLong()).isEqualTo(3);
        JsonNode byClient = http.get("/admin/api/audit?client=" + appId, admin).body();
        assertThat(byClient.get("count").asLong()).isEqualTo(1);
        assertThat(byClient.at("/results/0/details/grant_type").asText()).isEqualTo("password");
        assertThat(byClient.at("/results/0/client_id").asText()).isEqualTo(appId);

        assertThat(http.get("/admin/api/audit?user=" + alice + "&outcome=failure", admin).body()
                .get("count").asLong()).isEqualTo(1);
        assertThat(http.get("/admin/api/audit?user=" + alice + "&type=token.", admin).body()
                .get("count").asLong()).isEqualTo(1);
        assertThat(http.get("/admin/api/audit?user=" + alice + "&type=user.created", admin).body()
                .get("count").asLong()).isEqualTo(1);
        String from = q(now.minusSeconds(120).toString());
        assertThat(http.get("/admin/api/audit?user=" + alice + "&from=" + from, admin).body()
                .get("count").asLong()).isEqualTo(2);
        String to = q(now.minusSeconds(45).toString());
        assertThat(http.get("/admin/api/audit?user=" + alice + "&from=" + from + "&to=" + to, admin).body()
                .get("count").asLong()).isEqualTo(1);
    }

    @Test
    void pagesAreNewestFirstWithLinks() {
        Instant now = Instant.now();
        String bob = "bob-" + tag;
        AuditEvent[] events = new AuditEvent[105];
        for (int i = 0; i < events.length; i++) {
            events[i] = AuditEvent.of("admin.test", AuditOutcome.SUCCESS).actor(AuditParty.user(900002, bob))
                    .detail("n", i).at(now);
        }
        store(events);
        String admin = token(true, "admin");
        JsonNode first = http.get("/admin/api/audit?user=" + bob, admin).body();
        assertThat(first.get("count").asLong()).isEqualTo(105);
        assertThat(first.get("results")).hasSize(100);
        assertThat(first.at("/results/0/details/n").asText()).isEqualTo("104");
        assertThat(first.get("next").asText()).contains("page=2");
        JsonNode second = http.get("/admin/api/audit?user=" + bob + "&page=2", admin).body();
        assertThat(second.get("results")).hasSize(5);
        assertThat(second.at("/results/4/details/n").asText()).isEqualTo("0");
        assertThat(http.get("/admin/api/audit?user=" + bob + "&page=9", admin).status()).isEqualTo(404);
    }

    @Test
    void badFiltersAreA400NamingTheField() {
        String admin = token(true, "admin");
        Reply badTime = http.get("/admin/api/audit?from=yesterday", admin);
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body().get("from").get(0).asText()).contains("valid date");

        Reply badOutcome = http.get("/admin/api/audit?outcome=maybe", admin);
        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(badOutcome.body().has("outcome")).isTrue();

        // PostgreSQL refuses NUL bytes; the filter must refuse them first, as a 400.
        Reply nul = http.get("/admin/api/audit?user=a%00b", admin);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().has("user")).isTrue();

        Reply badType = http.get("/admin/api/audit?type=" + q("x' OR 1=1"), admin);
        assertThat(badType.status()).isEqualTo(400);
    }

    @Test
    void theCleanupJobPurgesEventsPastTheirRetention() {
        String carol = "carol-" + tag;
        Instant now = Instant.now();
        store(AuditEvent.of("old.event", AuditOutcome.SUCCESS).actor(AuditParty.user(900003, carol))
                        .at(now.minus(91, ChronoUnit.DAYS)),
                AuditEvent.of("recent.event", AuditOutcome.SUCCESS).actor(AuditParty.user(900003, carol))
                        .at(now.minus(89, ChronoUnit.DAYS)));
        String output = clearTokensTask();
        assertThat(output).containsPattern("audit_events: [1-9]");
        JsonNode left = http.get("/admin/api/audit?user=" + carol, token(true, "admin")).body();
        assertThat(left.get("count").asLong()).isEqualTo(1);
        assertThat(left.at("/results/0/type").asText()).isEqualTo("recent.event");
    }

    @Test
    void theAdminPortAnswersReadinessAndTheRequestIdHeader() {
        Client admin = ClientBuilder.newClient();
        try (admin; Response ready = admin.target("http://localhost:" + app().getAdminPort() + "/ready").request().get()) {
            assertThat(ready.getStatus()).isEqualTo(200);
            assertThat(ready.readEntity(String.class)).isEqualTo("{\"ready\":true}");
        }
        Reply root = http.get("/", null);
        Reply again = http.get("/", null);
        assertThat(root.header("X-Request-Id")).isNotEqualTo(again.header("X-Request-Id"));
    }

    private String clearTokensTask() {
        Client admin = ClientBuilder.newClient();
        try (admin; Response response = admin.target("http://localhost:" + app().getAdminPort() + "/tasks/cleartokens")
                .request().post(Entity.text(""))) {
            assertThat(response.getStatus()).isEqualTo(200);
            return response.readEntity(String.class);
        }
    }
}
