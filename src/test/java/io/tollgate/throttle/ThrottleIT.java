package io.tollgate.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.cleanup.TokenPurge;
import io.tollgate.persistence.JdbiThrottleStore;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The throttle over real HTTP, counted in the real database, on each database. The app trusts
 * 127.0.0.1 as a proxy, so each request says its client address in X-Forwarded-For.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class ThrottleIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("throttle", database -> TestApp.start(database, settings()));
    @Parameter
    TestDatabase.Kind kind;

    /** 3 failures per (username, address), 6 per username; 30 s first wait, so no test outlives a block. */
    static ConfigOverride[] settings() {
        return new ConfigOverride[] {
                ConfigOverride.config("throttle.trustedProxies", "127.0.0.1"),
                ConfigOverride.config("throttle.loginFailuresPerAddress", "3"),
                ConfigOverride.config("throttle.loginFailuresPerUser", "6"),
                ConfigOverride.config("throttle.clientFailuresPerAddress", "3"),
                ConfigOverride.config("throttle.clientFailuresPerClient", "6"),
                ConfigOverride.config("throttle.baseDelay", "30s")};
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private ThrottleHttp http;
    private String client;
    private String username;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        http = new ThrottleHttp(app().getLocalPort());
        RegisteredClient registered = data.passwordClient("app-" + UUID.randomUUID());
        client = ThrottleHttp.basic(registered.client().clientId(), registered.plainSecret());
        username = "u" + UUID.randomUUID().toString().substring(0, 8);
        data.user(username, "right-password", false, false);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private long refusedLogins() {
        return app().getEnvironment().metrics().meter("io.tollgate.throttle.refused.login").getCount();
    }

    @Test
    void anAttackersFailuresFromOneAddressDoNotStopTheRightPasswordFromAnother() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = http.passwordGrant("198.51.100.1", client, username, "guess-" + i);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(json(wrong).get("error_description").asText()).isEqualTo("Invalid credentials given.");
        }
        long refusedBefore = refusedLogins();
        HttpResponse<String> throttled = http.passwordGrant("198.51.100.1", client, username, "right-password");
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(json(throttled).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(throttled).get("error_description").asText()).contains("Wait 30 seconds");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refusedLogins()).isEqualTo(refusedBefore + 1);

        HttpResponse<String> owner = http.passwordGrant("203.0.113.5", client, username, "right-password");
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(json(owner).has("access_token")).isTrue();
    }

    @Test
    void theCeilingPerUsernameSlowsNewAddressesButNotOneTheUserSignedInFrom() {
        assertThat(http.passwordGrant("192.0.2.50", client, username, "right-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            assertThat(http.passwordGrant("198.51.100." + (10 + i), client, username, "guess").statusCode()).isEqualTo(400);
        }
        HttpResponse<String> stranger = http.passwordGrant("203.0.113.77", client, username, "right-password");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(http.passwordGrant("192.0.2.50", client, username, "right-password").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginPageShowsTheFormWithAMessageAndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = http.signIn("198.51.100.30", username, "guess");
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.body()).contains("Please enter a correct username and password");
        }
        HttpResponse<String> throttled = http.signIn("198.51.100.30", username, "right-password");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(throttled.body()).contains("Please wait 30 seconds", "name=\"password\"");
        assertThat(http.signIn("203.0.113.30", username, "right-password").statusCode()).isEqualTo(303);
    }

    @Test
    void wrongClientSecretsAreThrottledPerClientIdAsInvalidClient() {
        RegisteredClient service = data.passwordClient("svc-" + UUID.randomUUID());
        String id = service.client().clientId();
        for (int i = 0; i < 3; i++) {
            assertThat(http.passwordGrant("198.51.100.40", ThrottleHttp.basic(id, "wrong"), username, "right-password")
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = http.passwordGrant("198.51.100.40",
                ThrottleHttp.basic(id, service.plainSecret()), username, "right-password");
        assertThat(throttled.statusCode()).isEqualTo(401);
        assertThat(json(throttled).get("error").asText()).isEqualTo("invalid_client");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(throttled.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(http.passwordGrant("203.0.113.40", ThrottleHttp.basic(id, service.plainSecret()), username,
                "right-password").statusCode()).isEqualTo(200);
    }

    @Test
    void rowsHoldNoUsernameOrAddressAndThePurgeRemovesExpiredOnes() {
        // Quotes and non-ASCII reach only the hash, never a column (NUL bytes are the input layer's to refuse).
        String hostile = "évil'\";-- " + username;
        assertThat(http.passwordGrant("198.51.100.60", client, hostile, "guess").statusCode()).isEqualTo(400);
        assertThat(data.allText("auth_throttle")).noneMatch(text -> text.contains(username) || text.contains("198.51.100"));
        long before = data.count("auth_throttle");
        assertThat(before).isPositive();
        // A purge run 31 days from now with 7 days' retention: every row here ended within 30 days (the trust).
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(38)), ZoneOffset.UTC);
        long purged = new TokenPurge(Map.of(JdbiThrottleStore.PURGE_KIND, JdbiThrottleStore.cleanup(data.jdbi())),
                later, Duration.ofDays(7), 1000, Duration.ofHours(2)).run().deleted(JdbiThrottleStore.PURGE_KIND);
        assertThat(purged).isEqualTo(before);
        assertThat(data.count("auth_throttle")).isZero();
    }
}
