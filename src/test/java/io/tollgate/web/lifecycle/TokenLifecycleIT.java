package io.tollgate.web.lifecycle;

import static io.tollgate.web.lifecycle.LifecycleHttp.introspect;
import static io.tollgate.web.lifecycle.LifecycleHttp.password;
import static io.tollgate.web.lifecycle.LifecycleHttp.refresh;
import static io.tollgate.web.lifecycle.LifecycleHttp.revoke;
import static io.tollgate.web.lifecycle.LifecycleHttp.together;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.PurgeReport;
import io.tollgate.oauth.cleanup.TokenPurge;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.persistence.JdbiAuthorizationCodeStore;
import io.tollgate.persistence.JdbiTokenCleanup;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.core.Form;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Client credentials, refresh reuse detection, races, revocation, introspection, metadata and the purge, over
 * real HTTP against the running application, on each database.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class TokenLifecycleIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("lifecycle", TestApp::start);
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
    private String username;
    private long userId;

    @BeforeEach
    void setUp() {
        data = new TestData(database());
        oauth = new OAuthClient(app().client(), "http://localhost:" + app().getLocalPort());
        app = data.passwordClient("app-" + UUID.randomUUID());
        username = "u" + UUID.randomUUID().toString().substring(0, 8);
        userId = data.user(username, "s3cret-pass", false, false);
    }

    private static String basic(RegisteredClient client) {
        return OAuthClient.basic(client.client().clientId(), client.plainSecret());
    }

    private Reply login(RegisteredClient client, String scope) {
        Form form = password(username, "s3cret-pass");
        if (scope != null) {
            form.param("scope", scope);
        }
        Reply reply = oauth.token(basic(client), form);
        assertThat(reply.status()).as("login %s", reply.body()).isEqualTo(200);
        return reply;
    }

    private static String text(Reply reply, String field) {
        return reply.body().get(field).asText();
    }

    private RegisteredClient resourceServer(String scopes) {
        return data.client("rs-" + UUID.randomUUID(), ClientType.CONFIDENTIAL, Set.of(GrantType.CLIENT_CREDENTIALS),
                List.of(), ScopeSet.parse(scopes));
    }

    private String clientToken(RegisteredClient client, String scope) {
        Reply reply = oauth.token(basic(client), new Form().param("grant_type", "client_credentials")
                .param("scope", scope));
        assertThat(reply.status()).as("client_credentials %s", reply.body()).isEqualTo(200);
        return text(reply, "access_token");
    }

    // --- 1. client credentials ----------------------------------------------------------------------------

    @Test
    void clientCredentialsTokenHasNoUserNoRefreshTokenAndOnlyAllowedScopes() {
        RegisteredClient service = resourceServer("read write");
        Reply reply = oauth.token(basic(service), new Form().param("grant_type", "client_credentials"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().has("refresh_token")).isFalse();
        assertThat(text(reply, "scope")).isEqualTo("read write");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");

        String token = text(reply, "access_token");
        assertThat(oauth.get("/users/", token).status()).isEqualTo(403);
        assertThat(oauth.get("/groups/", token).status()).isEqualTo(403);

        Reply wider = oauth.token(basic(service), new Form().param("grant_type", "client_credentials")
                .param("scope", "groups"));
        assertThat(wider.status()).isEqualTo(400);
        assertThat(text(wider, "error")).isEqualTo("invalid_scope");
    }

    @Test
    void clientCredentialsNeedsTheClientsSecret() {
        RegisteredClient service = resourceServer("read");
        Reply byIdOnly = oauth.token(null, new Form().param("grant_type", "client_credentials")
                .param("client_id", service.client().clientId()));
        assertThat(byIdOnly.status()).isEqualTo(401);
        assertThat(text(byIdOnly, "error")).isEqualTo("invalid_client");
    }

    // --- 2. refresh tokens ----------------------------------------------------------------------------------

    @Test
    void presentingARotatedRefreshTokenRevokesTheWholeFamily() {
        Reply first = login(app, null);
        Reply second = oauth.token(basic(app), refresh(text(first, "refresh_token")));
        assertThat(second.status()).isEqualTo(200);
        String liveAccess = text(second, "access_token");
        assertThat(oauth.get("/users/", liveAccess).status()).isEqualTo(200);

        Reply reuse = oauth.token(basic(app), refresh(text(first, "refresh_token")));
        assertThat(reuse.status()).isEqualTo(400);
        assertThat(text(reuse, "error")).isEqualTo("invalid_grant");

        assertThat(oauth.get("/users/", liveAccess).status()).isEqualTo(401);
        assertThat(text(oauth.token(basic(app), refresh(text(second, "refresh_token"))), "error"))
                .isEqualTo("invalid_grant");
        assertThat(data.allText("oauth_refresh_token")).noneMatch(v -> v.contains(text(second, "refresh_token")));
    }

    @Test
    void concurrentRefreshesWithOneTokenGiveExactlyOnePairAndNoGraceMeansReuse() throws Exception {
        String refreshToken = text(login(app, null), "refresh_token");
        List<Reply> replies = together(THREADS, () -> oauth.token(basic(app), refresh(refreshToken)));

        List<Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(text(r, "error")).isEqualTo("invalid_grant"))
                .hasSize(THREADS - 1);
        // With refreshTokenReuseGrace 0s a duplicate is indistinguishable from theft: the family dies.
        assertThat(oauth.get("/users/", text(won.get(0), "access_token")).status()).isEqualTo(401);
        assertThat(data.count("oauth_refresh_token WHERE successor_sealed IS NOT NULL")).isZero();
    }

    @Test
    void concurrentRedemptionsOfOneCodeGiveExactlyOnePair() throws Exception {
        RegisteredClient web = data.client("web-" + UUID.randomUUID(), ClientType.CONFIDENTIAL,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of("https://app.example/callback"), null);
        String code = new TokenGenerator().generate();
        Instant now = Instant.now();
        new JdbiAuthorizationCodeStore(data.jdbi()).save(new AuthorizationCode(TokenHasher.sha256Hex(code),
                web.client().id(), userId, "https://app.example/callback", ScopeSet.of("read"), null, null, now,
                now.plusSeconds(60), UUID.randomUUID().toString()));
        Form form = new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", "https://app.example/callback");

        List<Reply> replies = together(THREADS, () -> oauth.token(basic(web), form));

        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 400)
                .allSatisfy(r -> assertThat(text(r, "error")).isEqualTo("invalid_grant"))
                .hasSize(THREADS - 1);
    }

    // --- 3. revocation --------------------------------------------------------------------------------------

    @Test
    void aRevokedAccessTokenIsRefusedAtOnceAndItsRefreshTokenLivesOn() {
        Reply pair = login(app, null);
        String access = text(pair, "access_token");
        assertThat(oauth.get("/users/", access).status()).isEqualTo(200); // now cached on this node

        Reply revoked = revoke(oauth, basic(app), new Form().param("token", access)
                .param("token_type_hint", "access_token"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.header("Cache-Control")).isEqualTo("no-store");
        assertThat(oauth.get("/users/", access).status()).isEqualTo(401);
        assertThat(oauth.token(basic(app), refresh(text(pair, "refresh_token"))).status()).isEqualTo(200);
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokenAndFamily() {
        Reply pair = login(app, null);
        String access = text(pair, "access_token");
        assertThat(oauth.get("/users/", access).status()).isEqualTo(200);
        Form form = new Form().param("token", text(pair, "refresh_token")).param("token_type_hint", "refresh_token")
                .param("client_id", app.client().clientId()).param("client_secret", app.plainSecret());
        assertThat(revoke(oauth, null, form).status()).isEqualTo(200);
        assertThat(oauth.get("/users/", access).status()).isEqualTo(401);
        assertThat(text(oauth.token(basic(app), refresh(text(pair, "refresh_token"))), "error"))
                .isEqualTo("invalid_grant");
    }

    @Test
    void aClientCannotRevokeAnotherClientsTokenButIsToldNothing() {
        Reply pair = login(app, null);
        RegisteredClient other = data.passwordClient("other-" + UUID.randomUUID());
        assertThat(revoke(oauth, basic(other), new Form().param("token", text(pair, "access_token"))).status())
                .isEqualTo(200);
        assertThat(revoke(oauth, basic(other), new Form().param("token", text(pair, "refresh_token"))).status())
                .isEqualTo(200);
        assertThat(oauth.get("/users/", text(pair, "access_token")).status()).isEqualTo(200);
        assertThat(oauth.token(basic(app), refresh(text(pair, "refresh_token"))).status()).isEqualTo(200);
    }

    @Test
    void revocationAnswersUnknownTokensUnknownHintsAndPublicClients() {
        assertThat(revoke(oauth, basic(app), new Form().param("token", "never-issued")).status()).isEqualTo(200);
        Reply pair = login(app, null);
        assertThat(revoke(oauth, basic(app), new Form().param("token", text(pair, "access_token"))
                .param("token_type_hint", "urn:unknown")).status()).isEqualTo(200);
        assertThat(oauth.get("/users/", text(pair, "access_token")).status()).isEqualTo(401);

        RegisteredClient mobile = data.client("mobile-" + UUID.randomUUID(), ClientType.PUBLIC,
                Set.of(GrantType.PASSWORD), List.of(), null);
        String token = oauth.passwordToken(mobile.client().clientId(), "", username, "s3cret-pass", null);
        assertThat(revoke(oauth, null, new Form().param("token", token)
                .param("client_id", mobile.client().clientId())).status()).isEqualTo(200);
        assertThat(oauth.get("/users/", token).status()).isEqualTo(401);
    }

    @Test
    void revocationRefusesBadClientsAndMalformedRequests() {
        Reply badSecret = revoke(oauth, OAuthClient.basic(app.client().clientId(), "wrong"),
                new Form().param("token", "x"));
        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(text(badSecret, "error")).isEqualTo("invalid_client");
        assertThat(revoke(oauth, null, new Form().param("token", "x")).status()).isEqualTo(401);
        Reply missing = revoke(oauth, basic(app), new Form());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(text(missing, "error")).isEqualTo("invalid_request");
        assertThat(oauth.post("/o/revoke_token/?token=x", basic(app), new Form().param("token", "x")).status())
                .isEqualTo(400);
    }

    // --- 4. introspection -----------------------------------------------------------------------------------

    @Test
    void aClientIntrospectsItsOwnTokens() {
        Reply pair = login(app, "read write");
        Reply access = introspect(oauth, basic(app), text(pair, "access_token"));
        assertThat(access.status()).isEqualTo(200);
        assertThat(access.header("Cache-Control")).isEqualTo("no-store");
        assertThat(access.body().get("active").asBoolean()).isTrue();
        assertThat(text(access, "scope")).isEqualTo("read write");
        assertThat(text(access, "client_id")).isEqualTo(app.client().clientId());
        assertThat(text(access, "username")).isEqualTo(username);
        assertThat(text(access, "token_type")).isEqualTo("Bearer");
        assertThat(text(access, "sub")).isEqualTo(Long.toString(userId));
        long now = Instant.now().getEpochSecond();
        assertThat(access.body().get("iat").asLong()).isBetween(now - 60, now + 1);
        assertThat(access.body().get("exp").asLong()).isEqualTo(access.body().get("iat").asLong() + 36000);

        Reply refresh = introspect(oauth, basic(app), text(pair, "refresh_token"));
        assertThat(refresh.body().get("active").asBoolean()).isTrue();
        assertThat(text(refresh, "token_type")).isEqualTo("refresh_token");
    }

    @Test
    void deadUnknownAndForeignTokensAreJustInactive() {
        Reply pair = login(app, null);
        RegisteredClient other = data.passwordClient("other-" + UUID.randomUUID());
        Reply foreign = introspect(oauth, basic(other), text(pair, "access_token"));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.body().toString()).isEqualTo("{\"active\":false}");
        assertThat(introspect(oauth, basic(app), "unknown").body().toString()).isEqualTo("{\"active\":false}");

        revoke(oauth, basic(app), new Form().param("token", text(pair, "refresh_token")));
        assertThat(introspect(oauth, basic(app), text(pair, "access_token")).body().toString())
                .isEqualTo("{\"active\":false}");
        assertThat(introspect(oauth, basic(app), text(pair, "refresh_token")).body().toString())
                .isEqualTo("{\"active\":false}");
    }

    @Test
    void aResourceServerWithTheIntrospectionScopeSeesEveryToken() {
        Reply pair = login(app, null);
        String rsToken = clientToken(resourceServer("introspection"), "introspection");
        Reply seen = introspect(oauth, "Bearer " + rsToken, text(pair, "access_token"));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get("active").asBoolean()).isTrue();
        assertThat(text(seen, "client_id")).isEqualTo(app.client().clientId());
    }

    @Test
    void introspectionRefusesBadCallers() {
        String token = text(login(app, null), "access_token");
        Reply badBearer = introspect(oauth, "Bearer not-a-token", token);
        assertThat(badBearer.status()).isEqualTo(401);
        assertThat(badBearer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");

        String noScope = clientToken(resourceServer("read"), "read");
        Reply lacking = introspect(oauth, "Bearer " + noScope, token);
        assertThat(lacking.status()).isEqualTo(403);
        assertThat(lacking.header("WWW-Authenticate")).contains("insufficient_scope");

        Reply badSecret = introspect(oauth, OAuthClient.basic(app.client().clientId(), "wrong"), token);
        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(text(badSecret, "error")).isEqualTo("invalid_client");
        assertThat(introspect(oauth, null, token).status()).isEqualTo(401);

        RegisteredClient mobile = data.client("mobile-" + UUID.randomUUID(), ClientType.PUBLIC,
                Set.of(GrantType.PASSWORD), List.of(), null);
        assertThat(oauth.post("/o/introspect/", null, new Form().param("token", token)
                .param("client_id", mobile.client().clientId())).status()).isEqualTo(401);
    }

    @Test
    void theIntrospectionScopeIsNeverGrantedUnasked() {
        assertThat(text(login(app, null), "scope")).isEqualTo("read write groups");
    }

    // --- 5. metadata ----------------------------------------------------------------------------------------

    @Test
    void metadataListsExactlyWhatIsSupported() {
        Reply reply = oauth.get("/.well-known/oauth-authorization-server", null);
        assertThat(reply.status()).isEqualTo(200);
        String base = "http://localhost:" + app().getLocalPort();
        assertThat(text(reply, "issuer")).isEqualTo(base);
        assertThat(text(reply, "token_endpoint")).isEqualTo(base + "/o/token/");
        assertThat(text(reply, "revocation_endpoint")).isEqualTo(base + "/o/revoke_token/");
        assertThat(text(reply, "introspection_endpoint")).isEqualTo(base + "/o/introspect/");
        assertThat(text(reply, "authorization_endpoint")).isEqualTo(base + "/o/authorize/");
        assertThat(reply.body().get("grant_types_supported").toString())
                .isEqualTo("[\"authorization_code\",\"password\",\"client_credentials\",\"refresh_token\","
                        + "\"urn:ietf:params:oauth:grant-type:device_code\"]");
        assertThat(reply.body().get("scopes_supported").toString())
                .isEqualTo("[\"read\",\"write\",\"groups\",\"introspection\"]");
        assertThat(reply.body().get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(reply.body().get("response_types_supported").toString()).isEqualTo("[\"code\"]");
        // Each advertised endpoint answers; an unauthenticated POST is invalid_client, not 404.
        assertThat(oauth.post("/o/revoke_token/", null, new Form().param("token", "x")).status()).isEqualTo(401);
        assertThat(oauth.get("/o/authorize/", null).status()).isNotEqualTo(404);
    }

    // --- 6. cleanup -----------------------------------------------------------------------------------------

    private final Instant now = Instant.now();

    private long accessRow(String family, Instant expires, Instant revoked, Long refreshId) {
        return data.jdbi().withHandle(h -> h.createUpdate("INSERT INTO oauth_access_token (token_hash, "
                        + "application_id, user_id, scope, created, expires, revoked, refresh_token_id, family_id) "
                        + "VALUES (:hash, :app, :user, 'read', :created, :expires, :revoked, :refresh, :family)")
                .bind("hash", TokenHasher.sha256Hex(UUID.randomUUID().toString())).bind("app", app.client().id())
                .bind("user", userId).bind("created", now.minus(Duration.ofDays(30))).bind("expires", expires)
                .bind("revoked", revoked).bind("refresh", refreshId).bind("family", family)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private long refreshRow(String family, Instant expires, Instant revoked) {
        return data.jdbi().withHandle(h -> h.createUpdate("INSERT INTO oauth_refresh_token (token_hash, "
                        + "application_id, user_id, scope, created, expires, revoked, family_id) "
                        + "VALUES (:hash, :app, :user, 'read', :created, :expires, :revoked, :family)")
                .bind("hash", TokenHasher.sha256Hex(UUID.randomUUID().toString())).bind("app", app.client().id())
                .bind("user", userId).bind("created", now.minus(Duration.ofDays(60))).bind("expires", expires)
                .bind("revoked", revoked).bind("family", family)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private void codeRow(String family, Instant expires, Instant consumed) {
        data.jdbi().useHandle(h -> h.createUpdate("INSERT INTO oauth_authorization_code (code_hash, application_id, "
                        + "user_id, redirect_uri, scope, created, expires, consumed, family_id) VALUES (:hash, :app, "
                        + ":user, 'https://app.example/cb', 'read', :created, :expires, :consumed, :family)")
                .bind("hash", TokenHasher.sha256Hex(UUID.randomUUID().toString())).bind("app", app.client().id())
                .bind("user", userId).bind("created", now.minus(Duration.ofDays(30))).bind("expires", expires)
                .bind("consumed", consumed).bind("family", family).execute());
    }

    private long familyRows(String table, String family) {
        return data.count(table + " WHERE family_id = '" + family + "'");
    }

    @Test
    void cleanupRemovesExactlyTheRowsPastRetention() {
        String f = "cleanup-" + UUID.randomUUID();
        Instant old = now.minus(Duration.ofDays(8));
        Instant recent = now.minus(Duration.ofDays(1));
        Instant future = now.plus(Duration.ofDays(1));
        // access tokens: 2 past retention, 2 kept (within retention, live)
        accessRow(f, old, null, null);
        accessRow(f, future, old, null);
        accessRow(f, recent, null, null);
        accessRow(f, future, null, null);
        // refresh tokens: expired long ago and unreferenced -> gone; revoked long ago but a live access token
        // still refers to it -> kept (deleting it would cascade to the live token); live -> kept
        refreshRow(f, old, null);
        long referenced = refreshRow(f, future, old);
        long liveAccessOfRevokedRefresh = accessRow(f, future, null, referenced);
        refreshRow(f, null, null);
        // codes: expired and consumed long ago -> gone; fresh -> kept
        codeRow(f, old, null);
        codeRow(f, future, old);
        codeRow(f, future, null);

        long accessBefore = data.count("oauth_access_token");
        long refreshBefore = data.count("oauth_refresh_token");
        long codesBefore = data.count("oauth_authorization_code");
        String output = LifecycleHttp.clearTokensTask(app().getAdminPort());

        assertThat(data.count("oauth_access_token")).isEqualTo(accessBefore - 2);
        assertThat(data.count("oauth_refresh_token")).isEqualTo(refreshBefore - 1);
        assertThat(data.count("oauth_authorization_code")).isEqualTo(codesBefore - 2);
        assertThat(familyRows("oauth_access_token", f)).isEqualTo(3);
        assertThat(familyRows("oauth_refresh_token", f)).isEqualTo(2);
        assertThat(familyRows("oauth_authorization_code", f)).isEqualTo(1);
        assertThat(data.count("oauth_access_token WHERE id = " + liveAccessOfRevokedRefresh)).isEqualTo(1);
        assertThat(LifecycleHttp.count(output, "access_tokens")).isEqualTo(2);
        assertThat(LifecycleHttp.count(output, "refresh_tokens")).isEqualTo(1);
        assertThat(LifecycleHttp.count(output, "authorization_codes")).isEqualTo(2);
        assertThat(app().getEnvironment().metrics().counter("io.tollgate.cleanup.deleted.access_tokens").getCount())
                .isGreaterThanOrEqualTo(2);

        // A second run finds nothing more: the purge is idempotent.
        String again = LifecycleHttp.clearTokensTask(app().getAdminPort());
        assertThat(LifecycleHttp.count(again, "access_tokens")).isZero();
    }

    private void bulkExpiredAccessTokens(int rows, String family) throws Exception {
        Timestamp expired = Timestamp.from(now.minus(Duration.ofDays(10)));
        try (Connection connection = database().connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO oauth_access_token (token_hash, "
                     + "application_id, user_id, scope, created, expires, family_id) VALUES (?, ?, ?, 'read', ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                insert.setString(1, TokenHasher.sha256Hex(family + i));
                insert.setLong(2, app.client().id());
                insert.setLong(3, userId);
                insert.setTimestamp(4, expired);
                insert.setTimestamp(5, expired);
                insert.setString(6, family);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    @Test
    void twoConcurrentPurgesSplitTheWorkAndDeleteEachRowOnce() throws Exception {
        String family = "twin-" + UUID.randomUUID();
        bulkExpiredAccessTokens(5000, family);
        JdbiTokenCleanup store = new JdbiTokenCleanup(data.jdbi());
        List<PurgeReport> reports = together(2,
                () -> new TokenPurge(store, Clock.systemUTC(), Duration.ofDays(7), 200).run());
        assertThat(reports.get(0).deleted(PurgeKind.ACCESS_TOKENS) + reports.get(1).deleted(PurgeKind.ACCESS_TOKENS))
                .isEqualTo(5000);
        assertThat(familyRows("oauth_access_token", family)).isZero();
    }

    @Test
    void purgingOneHundredThousandTokensLeavesTheApiServing() throws Exception {
        String family = "bulk-" + UUID.randomUUID();
        long insertStart = System.nanoTime();
        bulkExpiredAccessTokens(100_000, family);
        long insertMs = (System.nanoTime() - insertStart) / 1_000_000;
        String token = text(login(app, null), "access_token");

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                int status = oauth.get("/users/", token).status();
                (status == 200 ? served : failed).incrementAndGet();
            }
        });
        long purgeStart = System.nanoTime();
        String output;
        try {
            output = LifecycleHttp.clearTokensTask(app().getAdminPort());
        } finally {
            done.set(true);
        }
        long purgeMs = (System.nanoTime() - purgeStart) / 1_000_000;
        traffic.get();

        System.out.printf("[%s] inserted 100000 expired tokens in %d ms; purged in %d ms while serving %d API "
                + "requests%n", database().kind(), insertMs, purgeMs, served.get());
        assertThat(LifecycleHttp.count(output, "access_tokens")).isGreaterThanOrEqualTo(100_000);
        assertThat(familyRows("oauth_access_token", family)).isZero();
        assertThat(failed.get()).isZero();
        assertThat(served.get()).isPositive();
        assertThat(oauth.get("/users/", token).status()).isEqualTo(200);
    }
}
