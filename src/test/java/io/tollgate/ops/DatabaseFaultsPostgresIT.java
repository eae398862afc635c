package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import io.tollgate.testing.ThrowawayPostgres;
import io.tollgate.testing.Together;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database fails under a running server, on a private PostgreSQL cluster this test stops and freezes:
 * every request is answered 503 in its caller's shape within the configured bound (no hang for as long as the
 * database is frozen), the health check answers within a second and says what failed, and service resumes
 * without a restart when the database returns. Runs with the default time-outs (config.yml's defaults).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultsPostgresIT {
    /** With the defaults (wait 2 s, connect 3 s, socket 3 s) answers come in 2-5 s; slack for a loaded machine. */
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(9);
    /** The database check's own bound is 800 ms; slack for a loaded CI machine. */
    private static final Duration HEALTH_BOUND = Duration.ofMillis(1500);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ThrowawayPostgres postgres;
    private DropwizardTestSupport<TollgateConfiguration> app;
    private RegisteredClient application;
    private String base;
    private String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void startClusterAndApp() throws Exception {
        postgres = ThrowawayPostgres.start();
        TestDatabase database = TestDatabase.externalPostgres(postgres.url(), postgres.user());
        TestData data = new TestData(database);
        data.user("faults", "faults-pass", false, false);
        application = data.passwordClient("faults app");
        app = new DropwizardTestSupport<>(TollgateApplication.class, TestApp.CONFIG,
                ConfigOverride.config("database.url", postgres.url()),
                ConfigOverride.config("database.user", postgres.user()),
                ConfigOverride.config("database.password", ""),
                ConfigOverride.config("oauth.tokenCache.maxStaleness", "0s"),
                // config.yml's defaults, whatever test.yml relaxes for a loaded machine
                ConfigOverride.config("database.maxWaitForConnection", "2s"),
                ConfigOverride.config("database.connectTimeout", "3s"),
                ConfigOverride.config("database.socketTimeout", "3s"),
                ConfigOverride.config("database.statementTimeout", "2s"),
                ConfigOverride.config("database.validationQueryTimeout", "1s"));
        app.before();
        base = "http://127.0.0.1:" + app.getLocalPort();
        token = passwordGrant().get("access_token").asText();
        signIn();
    }

    @AfterAll
    void stopAll() throws Exception {
        if (app != null) {
            app.after();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void serviceIsUp() throws Exception {
        assertThat(awaitRecovery()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aFrozenDatabaseGives503sWithinTheBoundAndServiceResumesWhenItThaws() throws Exception {
        postgres.freeze();
        List<Timed> replies;
        Timed health;
        try {
            CompletableFuture<Timed> healthLater = CompletableFuture.supplyAsync(() -> {
                sleep(1000); // while the pool is saturated with stuck requests
                return timed(() -> send(http, get(adminUrl("/healthcheck"))));
            });
            AtomicInteger next = new AtomicInteger();
            replies = Together.run(24, () -> switch (next.getAndIncrement() % 3) {
                case 0 -> timed(() -> send(http, get(base + "/users/").header("Authorization", "Bearer " + token)));
                case 1 -> timed(() -> send(http, passwordGrantRequest()));
                default -> timed(() -> send(browser, get(base + "/o/applications/")));
            });
            health = healthLater.get(30, TimeUnit.SECONDS);
        } finally {
            postgres.thaw();
        }
        long slowest = replies.stream().mapToLong(t -> t.took().toMillis()).max().orElseThrow();
        System.out.printf("frozen database: %d requests answered 503 in %d..%d ms; health check in %d ms: %s%n",
                replies.size(), replies.stream().mapToLong(t -> t.took().toMillis()).min().orElseThrow(), slowest,
                health.took().toMillis(), health.response().body());
        assertThat(replies).allSatisfy(DatabaseFaultsPostgresIT::isUnavailableInItsCallersShape);
        assertThat(Duration.ofMillis(slowest)).isLessThan(REQUEST_BOUND);
        assertThat(health.took()).isLessThan(HEALTH_BOUND);
        assertThat(health.response().statusCode()).isEqualTo(500);
        JsonNode database = JSON.readTree(health.response().body()).get("database");
        assertThat(database.get("healthy").asBoolean()).isFalse();
        assertThat(database.get("message").asText()).isNotBlank().doesNotContain("Unable to successfully check");

        Duration recovery = awaitRecovery();
        System.out.printf("thawed: service back in %d ms%n", recovery.toMillis());
        assertThat(recovery).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aDatabaseShutDownMidRequestIs503AndServiceResumesWhenItIsBack() throws Exception {
        String access = passwordGrant().get("access_token").asText();
        CompletableFuture<Timed> revoke;
        try (Connection holder = DriverManager.getConnection(postgres.url(), postgres.user(), "");
             Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            // The revocation's UPDATE waits on this row lock, so it is inside PostgreSQL when the shutdown comes.
            lock.execute("SELECT * FROM oauth_access_token FOR UPDATE");
            revoke = CompletableFuture.supplyAsync(() -> timed(() -> send(http, post(base + "/o/revoke_token/",
                    "token=" + access).header("Authorization", basic()))));
            // Terminating the waiting backend is exactly 57P01, the in-flight case of a shutdown, with no race:
            // under pg_ctl's fast shutdown the holder may die first and let the revocation commit (a fair 200).
            terminateLockWaiter(holder);
            postgres.stop();
        }
        try {
            Timed inFlight = revoke.get(30, TimeUnit.SECONDS);
            assertThat(inFlight.response().statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(inFlight.response().body()).get("error").asText())
                    .isEqualTo("temporarily_unavailable");

            Timed users = timed(() -> send(http, get(base + "/users/").header("Authorization", "Bearer " + token)));
            Timed grant = timed(() -> send(http, passwordGrantRequest()));
            Timed page = timed(() -> send(browser, get(base + "/o/applications/")));
            Timed health = timed(() -> send(http, get(adminUrl("/healthcheck"))));
            System.out.printf("stopped database: in-flight request 503 in %d ms; API %d ms, token %d ms, page %d ms; "
                            + "health check in %d ms: %s%n", inFlight.took().toMillis(), users.took().toMillis(),
                    grant.took().toMillis(), page.took().toMillis(), health.took().toMillis(), health.response().body());
            for (Timed reply : List.of(users, grant, page)) {
                isUnavailableInItsCallersShape(reply);
                assertThat(reply.took()).isLessThan(REQUEST_BOUND);
            }
            assertThat(health.took()).isLessThan(HEALTH_BOUND);
            assertThat(JSON.readTree(health.response().body()).get("database").get("message").asText())
                    .contains("refused");
        } finally {
            postgres.startServer();
        }
        Duration recovery = awaitRecovery();
        System.out.printf("restarted: service back in %d ms%n", recovery.toMillis());
        assertThat(recovery).isLessThan(Duration.ofSeconds(10));
    }

    private static void isUnavailableInItsCallersShape(Timed timed) {
        HttpResponse<String> response = timed.response();
        String path = response.request().uri().getPath();
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(path).contains("5");
        String type = response.headers().firstValue("Content-Type").orElse("");
        try {
            if (path.startsWith("/o/token") || path.startsWith("/o/revoke_token")) {
                assertThat(type).startsWith("application/json");
                assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("temporarily_unavailable");
                assertThat(JSON.readTree(response.body()).get("error_description").asText()).isNotBlank();
            } else if (path.startsWith("/o/")) {
                assertThat(type).startsWith("text/html");
                assertThat(response.body()).contains("Temporarily unavailable");
            } else {
                assertThat(type).startsWith("application/json");
                assertThat(JSON.readTree(response.body()).get("detail").asText())
                        .isEqualTo("The service is temporarily unavailable.");
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(path + " answered no JSON: " + response.body(), e);
        }
    }

    /** Polls API, token endpoint and a page until all three answer normally; how long that took. */
    private Duration awaitRecovery() throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean up = send(http, get(base + "/users/").header("Authorization", "Bearer " + token)).statusCode() == 200
                    && send(http, passwordGrantRequest()).statusCode() == 200
                    && send(browser, get(base + "/o/applications/")).statusCode() == 200;
            if (up) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            sleep(100);
        }
        throw new AssertionError("service did not recover within 60 s");
    }

    private JsonNode passwordGrant() throws Exception {
        HttpResponse<String> response = send(http, passwordGrantRequest());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder passwordGrantRequest() {
        return post(base + "/o/token/", "grant_type=password&username=faults&password=faults-pass")
                .header("Authorization", basic());
    }

    private String basic() {
        return OAuthClient.basic(application.client().clientId(), application.plainSecret());
    }

    private void signIn() throws Exception {
        HttpResponse<String> form = send(browser, get(base + "/accounts/login/"));
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> signedIn = send(browser, post(base + "/accounts/login/", "csrf_token="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                + "&username=faults&password=faults-pass&next=%2Fo%2Fapplications%2F"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    }

    private String adminUrl(String path) {
        return "http://127.0.0.1:" + app.getAdminPort() + path;
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
    }

    private static HttpRequest.Builder post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private static Timed timed(java.util.function.Supplier<HttpResponse<String>> call) {
        long started = System.nanoTime();
        HttpResponse<String> response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a backend waits on the holder's row lock (the revocation, inside PostgreSQL), then terminates it. */
    private static void terminateLockWaiter(Connection holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection watcher = DriverManager.getConnection(holder.getMetaData().getURL(), holder.getMetaData().getUserName(), "");
             Statement query = watcher.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet waiting = query.executeQuery(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
                    if (waiting.next()) {
                        return;
                    }
                }
                sleep(20);
            }
        }
        throw new AssertionError("the revocation never waited on the row lock");
    }
}
