package io.tollgate.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /o/token/ over HTTP against the running application: every answer RFC 6749 §5 names. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class TokenEndpointIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("token", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private TestData data;
    private OAuthClient oauth;
    private RegisteredClient app;
    private String username;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        oauth = new OAuthClient(app().client(), "http://localhost:" + app().getLocalPort());
        app = data.client("tutorial-" + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.PASSWORD), List.of(), null);
        username = "u" + UUID.randomUUID().toString().substring(0, 8);
        data.user(username, "s3cret-pass", false, false);
    }

    private Form password(String user, String pass) {
        return new Form().param("grant_type", "password").param("username", user).param("password", pass);
    }

    private String basic() {
        return OAuthClient.basic(app.client().clientId(), app.plainSecret());
    }

    @Test
    void passwordGrantAnswersAsTheTutorialShows() {
        Reply reply = oauth.token(basic(), password(username, "s3cret-pass"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.body().get("expires_in").asLong()).isEqualTo(36000);
        assertThat(reply.body().get("scope").asText()).isEqualTo("read write groups");
        assertThat(reply.body().get("access_token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(reply.body().get("refresh_token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Pragma")).isEqualTo("no-cache");
    }

    @Test
    void scopeParameterNarrowsTheToken() {
        Reply reply = oauth.token(basic(), password(username, "s3cret-pass").param("scope", "read"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("scope").asText()).isEqualTo("read");
    }

    @Test
    void clientSecretPostWorksToo() {
        Form form = password(username, "s3cret-pass").param("client_id", app.client().clientId())
                .param("client_secret", app.plainSecret());
        assertThat(oauth.token(null, form).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsInvalidGrantWithTheReferenceText() {
        Reply reply = oauth.token(basic(), password(username, "wrong"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(reply.body().get("error_description").asText()).isEqualTo("Invalid credentials given.");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void unknownUserLooksExactlyLikeAWrongPassword() {
        Reply reply = oauth.token(basic(), password("nobody-" + UUID.randomUUID(), "wrong"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error_description").asText()).isEqualTo("Invalid credentials given.");
    }

    @Test
    void inactiveUserCannotGetATokenAndLosesTheOnesTheyHad() {
        String name = "inactive" + UUID.randomUUID().toString().substring(0, 6);
        long id = data.user(name, "pw-123456", false, false);
        String token = oauth.passwordToken(app.client().clientId(), app.plainSecret(), name, "pw-123456", null);
        data.deactivate(id);
        assertThat(oauth.token(basic(), password(name, "pw-123456")).body().get("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(oauth.get("/users/", token).status()).isEqualTo(401);
    }

    @Test
    void aUserDeactivatedThroughTheApiIsRefusedAtOnceDespiteTheTokenCache() {
        String name = "victim" + UUID.randomUUID().toString().substring(0, 6);
        long id = data.user(name, "pw-123456", false, false);
        String admin = "boss" + UUID.randomUUID().toString().substring(0, 6);
        data.user(admin, "pw-654321", true, true);
        String token = oauth.passwordToken(app.client().clientId(), app.plainSecret(), name, "pw-123456", null);
        String adminToken = oauth.passwordToken(app.client().clientId(), app.plainSecret(), admin, "pw-654321", null);
        assertThat(oauth.get("/users/", token).status()).isEqualTo(200); // now cached on this node

        Reply patched = oauth.send("PATCH", "/users/" + id + "/", adminToken,
                Entity.json("{\"is_active\": false}"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(oauth.get("/users/", token).status()).isEqualTo(401);
    }

    @Test
    void wrongClientSecretIs401WithABasicChallenge() {
        Reply reply = oauth.token(OAuthClient.basic(app.client().clientId(), "not-the-secret"),
                password(username, "s3cret-pass"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("error").asText()).isEqualTo("invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"oauth\"");
    }

    @Test
    void missingClientCredentialsIs401() {
        Reply reply = oauth.token(null, password(username, "s3cret-pass"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void malformedBasicHeaderIsInvalidClientNotAServerError() {
        Reply reply = oauth.token("Basic %%%not-base64", password(username, "s3cret-pass"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void parametersInTheQueryStringAreRefused() {
        Reply reply = oauth.post("/o/token/?grant_type=password", basic(), password(username, "s3cret-pass"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aMalformedFormEscapeIsInvalidRequestInOAuthsShape() {
        try (Response response = app().client().target("http://localhost:" + app().getLocalPort() + "/o/token/")
                .request().header("Authorization", basic())
                .post(Entity.entity("grant_type=password&scope=%ZZ", MediaType.APPLICATION_FORM_URLENCODED))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("\"error\":\"invalid_request\"");
        }
    }

    @Test
    void passwordsWithFormSpecialCharactersArriveIntact() {
        String name = "special" + UUID.randomUUID().toString().substring(0, 6);
        data.user(name, "p+w%d &=1 é", false, false);
        assertThat(oauth.token(basic(), password(name, "p+w%d &=1 é")).status()).isEqualTo(200);
        assertThat(oauth.token(basic(), password(name, "p w%d &=1 é")).status()).isEqualTo(400);
    }

    @Test
    void repeatedParametersAreRefused() {
        Reply reply = oauth.token(basic(), password(username, "s3cret-pass").param("scope", "read").param("scope", "write"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aJsonBodyIsInvalidRequestInOAuthsShape() {
        try (Response response = app().client().target("http://localhost:" + app().getLocalPort() + "/o/token/")
                .request().header("Authorization", basic())
                .post(Entity.entity("{\"grant_type\":\"password\"}", MediaType.APPLICATION_JSON))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("\"error\":\"invalid_request\"");
        }
    }

    @Test
    void missingAndUnknownGrantTypes() {
        assertThat(oauth.token(basic(), new Form().param("username", "x")).body().get("error").asText())
                .isEqualTo("invalid_request");
        Reply unknown = oauth.token(basic(), new Form().param("grant_type", "urn:nope"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aGrantTheApplicationMayNotUseIsUnauthorizedClient() {
        Reply reply = oauth.token(basic(), new Form().param("grant_type", "client_credentials"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void unknownOrDisallowedScopeIsInvalidScope() {
        assertThat(oauth.token(basic(), password(username, "s3cret-pass").param("scope", "admin")).body()
                .get("error").asText()).isEqualTo("invalid_scope");
        RegisteredClient readOnly = data.client("ro-" + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.PASSWORD), List.of(), ScopeSet.of("read"));
        Reply narrowed = oauth.token(OAuthClient.basic(readOnly.client().clientId(), readOnly.plainSecret()),
                password(username, "s3cret-pass"));
        assertThat(narrowed.body().get("scope").asText()).isEqualTo("read");
        Reply wider = oauth.token(OAuthClient.basic(readOnly.client().clientId(), readOnly.plainSecret()),
                password(username, "s3cret-pass").param("scope", "write"));
        assertThat(wider.body().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void refreshRotatesAndTheOldPairStopsWorking() {
        Reply first = oauth.token(basic(), password(username, "s3cret-pass"));
        String oldAccess = first.body().get("access_token").asText();
        String oldRefresh = first.body().get("refresh_token").asText();
        assertThat(oauth.get("/users/", oldAccess).status()).isEqualTo(200);

        Reply second = oauth.token(basic(), new Form().param("grant_type", "refresh_token")
                .param("refresh_token", oldRefresh).param("scope", "read"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("scope").asText()).isEqualTo("read");
        assertThat(second.body().get("refresh_token").asText()).isNotEqualTo(oldRefresh);
        assertThat(oauth.get("/users/", oldAccess).status()).isEqualTo(401);
        assertThat(oauth.get("/users/", second.body().get("access_token").asText()).status()).isEqualTo(200);

        // The new refresh token keeps the original grant's scope (RFC 6749 §6): a later refresh may ask for write.
        Reply third = oauth.token(basic(), new Form().param("grant_type", "refresh_token")
                .param("refresh_token", second.body().get("refresh_token").asText()).param("scope", "read write"));
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.body().get("scope").asText()).isEqualTo("read write");

        Reply replay = oauth.token(basic(), new Form().param("grant_type", "refresh_token").param("refresh_token", oldRefresh));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aRefreshTokenOfAnotherClientIsInvalidGrant() {
        String refresh = oauth.token(basic(), password(username, "s3cret-pass")).body().get("refresh_token").asText();
        RegisteredClient other = data.passwordClient("other-" + UUID.randomUUID());
        Reply reply = oauth.token(OAuthClient.basic(other.client().clientId(), other.plainSecret()),
                new Form().param("grant_type", "refresh_token").param("refresh_token", refresh));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void theDatabaseHoldsNoUsableTokenOrSecret() {
        Reply reply = oauth.token(basic(), password(username, "s3cret-pass"));
        List<String> stored = data.allText("oauth_application", "oauth_access_token", "oauth_refresh_token", "auth_user");
        assertThat(stored).isNotEmpty()
                .noneMatch(value -> value.contains(reply.body().get("access_token").asText()))
                .noneMatch(value -> value.contains(reply.body().get("refresh_token").asText()))
                .noneMatch(value -> value.contains(app.plainSecret()))
                .noneMatch(value -> value.contains("s3cret-pass"));
    }
}
