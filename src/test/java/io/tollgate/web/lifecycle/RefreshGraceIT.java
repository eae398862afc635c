package io.tollgate.web.lifecycle;

import static io.tollgate.web.lifecycle.LifecycleHttp.password;
import static io.tollgate.web.lifecycle.LifecycleHttp.refresh;
import static io.tollgate.web.lifecycle.LifecycleHttp.together;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** oauth.refreshTokenReuseGrace = 10s over real HTTP: lost responses and races get the one winning pair. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class RefreshGraceIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("grace", database -> TestApp.start(database,
            ConfigOverride.config("oauth.refreshTokenReuseGrace", "10s")));
    @Parameter
    TestDatabase.Kind kind;

    private static final int THREADS = 12;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private OAuthClient oauth;
    private RegisteredClient app;
    private String basic;
    private String username;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        oauth = new OAuthClient(app().client(), "http://localhost:" + app().getLocalPort());
        app = data.passwordClient("grace-" + UUID.randomUUID());
        basic = OAuthClient.basic(app.client().clientId(), app.plainSecret());
        username = "g" + UUID.randomUUID().toString().substring(0, 8);
        data.user(username, "s3cret-pass", false, false);
    }

    private String firstRefreshToken() {
        Reply reply = oauth.token(basic, password(username, "s3cret-pass"));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().get("refresh_token").asText();
    }

    private static String text(Reply reply, String field) {
        return reply.body().get(field).asText();
    }

    @Test
    void concurrentRefreshesAllGetTheOneWinningPair() throws Exception {
        String refreshToken = firstRefreshToken();
        List<Reply> replies = together(THREADS, () -> oauth.token(basic, refresh(refreshToken)));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200));
        assertThat(replies.stream().map(r -> text(r, "access_token")).distinct()).hasSize(1);
        assertThat(replies.stream().map(r -> text(r, "refresh_token")).distinct()).hasSize(1);
        String access = text(replies.get(0), "access_token");
        assertThat(oauth.get("/users/", access).status()).isEqualTo(200);
        // Exactly one rotation happened: the first token and its one successor.
        String family = data.jdbi().withHandle(h -> h.createQuery("SELECT family_id FROM oauth_refresh_token "
                + "WHERE token_hash = :hash").bind("hash", io.tollgate.oauth.token.TokenHasher.sha256Hex(refreshToken))
                .mapTo(String.class).one());
        assertThat(data.count("oauth_refresh_token WHERE family_id = '" + family + "'")).isEqualTo(2);
        assertThat(data.count("oauth_access_token WHERE family_id = '" + family + "'")).isEqualTo(2);
    }

    @Test
    void aClientThatLostTheResponseGetsTheSamePairAgain() {
        String first = firstRefreshToken();
        Reply lost = oauth.token(basic, refresh(first));
        Reply again = oauth.token(basic, refresh(first));
        assertThat(again.status()).isEqualTo(200);
        assertThat(text(again, "access_token")).isEqualTo(text(lost, "access_token"));
        assertThat(text(again, "refresh_token")).isEqualTo(text(lost, "refresh_token"));
        assertThat(again.header("Cache-Control")).isEqualTo("no-store");
        // The successor works normally afterwards.
        assertThat(oauth.token(basic, refresh(text(again, "refresh_token"))).status()).isEqualTo(200);
    }

    @Test
    void aTokenOlderThanTheImmediatelyPreviousOneIsReuseAndKillsTheFamily() {
        String first = firstRefreshToken();
        Reply second = oauth.token(basic, refresh(first));
        Reply third = oauth.token(basic, refresh(text(second, "refresh_token")));
        Reply reuse = oauth.token(basic, refresh(first));
        assertThat(reuse.status()).isEqualTo(400);
        assertThat(text(reuse, "error")).isEqualTo("invalid_grant");
        assertThat(oauth.get("/users/", text(third, "access_token")).status()).isEqualTo(401);
        assertThat(oauth.token(basic, refresh(text(second, "refresh_token"))).status()).isEqualTo(400);
    }

    @Test
    void theDatabaseHoldsOnlyCiphertextThatItsOwnKeysCannotOpen() {
        String first = firstRefreshToken();
        Reply second = oauth.token(basic, refresh(first));
        List<String> stored = data.allText("oauth_refresh_token", "oauth_access_token");
        assertThat(data.count("oauth_refresh_token WHERE successor_sealed IS NOT NULL")).isPositive();
        assertThat(stored).noneMatch(v -> v.contains(text(second, "refresh_token")))
                .noneMatch(v -> v.contains(text(second, "access_token")))
                .noneMatch(v -> v.contains(first));
    }
}
