package io.tollgate.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.persistence.JdbiAuthorizationCodeStore;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import io.tollgate.testing.Together;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Form;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 6749 §4.1.2 / RFC 9700: a code redeemed twice revokes what it issued, whatever the interleaving. N
 * simultaneous redemptions of one code, many rounds: exactly one 200, and afterwards no live token of the
 * code's family (the replays must kill the winner's pair even when they ran before it was written).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class CodeReplayRaceIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("coderace", database -> TestApp.start(database,
            // Enough connections that racers meet in the database rather than queue for the pool.
            ConfigOverride.config("database.maxSize", "20"), ConfigOverride.config("database.maxWaitForConnection", "10s")));
    @Parameter
    TestDatabase.Kind kind;

    private static final String CALLBACK = "https://app.example/callback";

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private Client http;
    private OAuthClient oauth;
    private RegisteredClient web;
    private long userId;

    @BeforeParameterizedClassInvocation
    void setUp() {
        data = new TestData(database());
        http = ClientBuilder.newClient();
        oauth = new OAuthClient(http, "http://localhost:" + app().getLocalPort());
        userId = data.user("racer-" + UUID.randomUUID(), "racer-pass", false, false);
        web = data.client("race-" + UUID.randomUUID(), ClientType.CONFIDENTIAL, Set.of(GrantType.AUTHORIZATION_CODE),
                List.of(CALLBACK), null);
    }

    @AfterParameterizedClassInvocation
    void tearDown() {
        if (http != null) { // null when the invocation was skipped (no PostgreSQL)
            http.close();
        }
    }

    @ParameterizedTest(name = "{0} parallel redemptions x {1} rounds")
    @CsvSource({"2, 40", "10, 10", "50, 4"})
    void aRacedCodeLeavesExactlyOneAnswerAndNoLiveToken(int parallel, int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            String family = UUID.randomUUID().toString();
            String code = saveCode(family);
            Form form = new Form().param("grant_type", "authorization_code").param("code", code)
                    .param("redirect_uri", CALLBACK);

            List<Reply> replies = Together.run(parallel, () -> oauth.token(OAuthClient.basic(web.client().clientId(),
                    web.plainSecret()), form));

            String where = "round " + round + " of " + parallel + ": " + replies.stream().map(Reply::status).toList();
            List<Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).as(where).hasSize(1);
            assertThat(replies).as(where).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.body().get("error").asText()).isEqualTo("invalid_grant"));
            String access = won.get(0).body().get("access_token").asText();
            assertThat(data.count("oauth_access_token WHERE family_id = '" + family + "'")).as(where).isEqualTo(1);
            assertThat(data.count("oauth_access_token WHERE family_id = '" + family + "' AND revoked IS NULL"))
                    .as(where).isZero();
            assertThat(data.count("oauth_refresh_token WHERE family_id = '" + family + "' AND revoked IS NULL"))
                    .as(where).isZero();
            assertThat(oauth.get("/users/", access).status()).as(where).isEqualTo(401);
        }
    }

    private String saveCode(String family) {
        String code = new TokenGenerator().generate();
        Instant now = Instant.now();
        new JdbiAuthorizationCodeStore(data.jdbi()).save(new AuthorizationCode(TokenHasher.sha256Hex(code),
                web.client().id(), userId, CALLBACK, ScopeSet.of("read"), null, null, now, now.plusSeconds(60),
                family));
        return code;
    }
}
