package io.tollgate.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.persistence.JdbiClientStore;
import io.tollgate.persistence.JdbiTokenStore;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** createapplication and cleartokens run in-process through Dropwizard's Cli, as `java -jar` would run them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCommandsTest {
    private final TestDatabase database = TestDatabase.h2("operator");
    private Path config;

    @BeforeAll
    void writeConfig(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of(TestApp.CONFIG))
                .replace("url: jdbc:h2:mem:unused", "url: \"" + database.url() + "\"");
        config = Files.writeString(dir.resolve("operator.yml"), yaml);
    }

    private record Run(Optional<Throwable> failure, String out, String err) {
    }

    /** Commands print their results on System.out, which is swapped for the run. */
    private synchronized Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            TollgateApplication application = new TollgateApplication();
            Bootstrap<TollgateConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Optional<Throwable> failure = new Cli(new JarLocation(getClass()), bootstrap, out, err).run(args);
            return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void createapplicationPrintsTheSecretOnceAndStoresOnlyItsHash() throws Exception {
        Run run = run("createapplication", "--name", "CLI app", "--client-type", "confidential",
                "--grant-types", "password,refresh_token", "--scopes", "read write", config.toString());
        assertThat(run.failure()).isEmpty();
        JsonNode printed = new ObjectMapper().readTree(run.out().substring(run.out().indexOf('{')));
        String clientId = printed.get("client_id").asText();
        String secret = printed.get("client_secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(printed.get("allowed_scopes").asText()).isEqualTo("read write");
        var stored = new JdbiClientStore(new TestData(database).jdbi()).findByClientId(clientId).orElseThrow();
        assertThat(stored.secretHash()).isEqualTo(TokenHasher.sha256Hex(secret)).isNotEqualTo(secret);
    }

    @Test
    void createapplicationTakesPostLogoutRedirectUrisAndTheTokenFormat() throws Exception {
        Run run = run("createapplication", "--name", "OIDC RP", "--client-type", "confidential",
                "--grant-types", "authorization_code", "--redirect-uri", "https://rp.example/cb",
                "--post-logout-redirect-uri", "https://rp.example/bye", "--post-logout-redirect-uri",
                "http://127.0.0.1:8080/bye", "--token-format", "jwt", "--scopes", "read write", config.toString());
        assertThat(run.failure()).isEmpty();
        JsonNode printed = new ObjectMapper().readTree(run.out().substring(run.out().indexOf('{')));
        assertThat(printed.get("post_logout_redirect_uris").toString())
                .isEqualTo("[\"https://rp.example/bye\",\"http://127.0.0.1:8080/bye\"]");
        assertThat(printed.get("token_format").asText()).isEqualTo("jwt");
        assertThat(printed.get("redirect_uris").toString()).isEqualTo("[\"https://rp.example/cb\"]");
        var stored = new JdbiClientStore(new TestData(database).jdbi())
                .findByClientId(printed.get("client_id").asText()).orElseThrow();
        assertThat(stored.postLogoutRedirectUris()).containsExactly("https://rp.example/bye", "http://127.0.0.1:8080/bye");
        assertThat(stored.tokenSettings().accessTokenFormat()).isEqualTo("jwt");

        Run badFormat = run("createapplication", "--name", "x", "--client-type", "public", "--grant-types",
                "authorization_code", "--redirect-uri", "https://rp.example/cb", "--token-format", "paseto",
                config.toString());
        assertThat(badFormat.err().strip()).isEqualTo("Error: token_format: Choose one of: jwt, opaque.");
        Run badUri = run("createapplication", "--name", "x", "--client-type", "public", "--grant-types",
                "authorization_code", "--redirect-uri", "https://rp.example/cb", "--post-logout-redirect-uri",
                "http://rp.example/bye", config.toString());
        assertThat(badUri.err().strip()).isEqualTo("Error: post_logout_redirect_uris: http://rp.example/bye: "
                + "Plain http is allowed only for loopback addresses; use https.");
    }

    @Test
    void createapplicationErrorsAreOneLine() {
        Run unknownUser = run("createapplication", "--name", "x", "--user", "nobody", "--client-type", "public",
                "--grant-types", "authorization_code", config.toString());
        assertThat(unknownUser.failure()).isPresent();
        assertThat(unknownUser.err().strip()).isEqualTo("Error: no such user: nobody");
        Run shortSecret = run("createapplication", "--name", "x", "--client-type", "confidential",
                "--grant-types", "password", "--client-secret", "too-short", config.toString());
        assertThat(shortSecret.failure()).isPresent();
        assertThat(shortSecret.err()).contains("client_secret: Ensure this field has at least 32 characters.")
                .doesNotContain("\tat ");
    }

    @Test
    void cleartokensRemovesExactlyTheExpiredRowsAndSaysHowMany() {
        TestData data = new TestData(database);
        long appId = data.passwordClient("purge-" + UUID.randomUUID()).client().id();
        JdbiTokenStore tokens = new JdbiTokenStore(data.jdbi());
        Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS);
        for (int i = 0; i < 5; i++) {
            tokens.save(new NewAccessToken("old" + UUID.randomUUID(), appId, "c", null, ScopeSet.of("read"),
                    longAgo, longAgo.plusSeconds(60), "f-old"), null);
        }
        tokens.save(new NewAccessToken("live" + UUID.randomUUID(), appId, "c", null, ScopeSet.of("read"),
                Instant.now(), Instant.now().plusSeconds(3600), "f-live"), null);
        long before = data.count("oauth_access_token");

        Run run = run("cleartokens", config.toString());

        assertThat(run.failure()).isEmpty();
        assertThat(run.out()).contains("access_tokens: 5");
        assertThat(data.count("oauth_access_token")).isEqualTo(before - 5);
    }

    private String liveToken(TestData data, long appId, Long userId) {
        String hash = "live" + UUID.randomUUID();
        new JdbiTokenStore(data.jdbi()).save(new NewAccessToken(hash, appId, "c", userId, ScopeSet.of("read"),
                Instant.now(), Instant.now().plusSeconds(3600), "f-" + UUID.randomUUID()), null);
        return hash;
    }

    private boolean revoked(TestData data, String hash) {
        return data.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM oauth_access_token"
                + " WHERE token_hash = :t AND revoked IS NOT NULL").bind("t", hash).mapTo(Long.class).one()) == 1;
    }

    private String auditActor(TestData data, String type, String subject) {
        return data.jdbi().withHandle(h -> h.createQuery("SELECT actor_name FROM audit_event WHERE event_type = :t"
                + " AND subject_name = :s").bind("t", type).bind("s", subject).mapTo(String.class).one());
    }

    @Test
    void revokeUserTokensRevokesTheirLiveTokensSaysHowManyAndIsAudited() {
        TestData data = new TestData(database);
        String username = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        long userId = data.user(username, "pw-123456", false, false);
        long appId = data.passwordClient("cli-app-" + UUID.randomUUID()).client().id();
        String first = liveToken(data, appId, userId);
        String second = liveToken(data, appId, userId);
        String someoneElse = liveToken(data, appId, null);

        Run run = run("revoke-user-tokens", username, config.toString());

        assertThat(run.failure()).isEmpty();
        assertThat(run.out()).contains("revoked 2 tokens of user " + username);
        assertThat(revoked(data, first)).isTrue();
        assertThat(revoked(data, second)).isTrue();
        assertThat(revoked(data, someoneElse)).isFalse();
        assertThat(auditActor(data, "admin.token.revoked", username)).isEqualTo("command line");
    }

    @Test
    void theClientCommandsRevokeAndDisable() {
        TestData data = new TestData(database);
        var app = data.passwordClient("cli-app-" + UUID.randomUUID()).client();
        String token = liveToken(data, app.id(), null);

        Run revoke = run("revoke-client-tokens", app.clientId(), config.toString());
        assertThat(revoke.failure()).isEmpty();
        assertThat(revoke.out()).contains("revoked 1 tokens of application " + app.clientId());
        assertThat(revoked(data, token)).isTrue();

        String another = liveToken(data, app.id(), null);
        Run disable = run("disable-client", app.clientId(), config.toString());
        assertThat(disable.failure()).isEmpty();
        assertThat(disable.out()).contains("disabled application " + app.clientId()).contains("revoked 1 tokens");
        assertThat(revoked(data, another)).isTrue();
        long disabled = data.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM oauth_application"
                + " WHERE id = :id AND disabled IS NOT NULL").bind("id", app.id()).mapTo(Long.class).one());
        assertThat(disabled).isEqualTo(1);
        assertThat(auditActor(data, "admin.application.disabled", app.clientId())).isEqualTo("command line");
    }

    @Test
    void anUnknownNameIsAOneLineErrorAndChangesNothing() {
        Run run = run("revoke-user-tokens", "nobody-at-all", config.toString());
        assertThat(run.failure()).isPresent();
        assertThat(run.err().strip()).isEqualTo("Error: No user named 'nobody-at-all'.");
        Run client = run("disable-client", "no-such-client", config.toString());
        assertThat(client.err().strip()).isEqualTo("Error: No application with client_id 'no-such-client'.");
    }
}
