package io.tollgate.oauth.client;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.compose.ServerSettings;
import java.util.function.UnaryOperator;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.store.InMemoryClientStore;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The client cache saves the lookup and never serves a client that changed, on this node or another. */
class CachingClientStoreTest {

    private static final String SECRET = "first-secret-0123456789-abcdefghijklmnop";

    private static final UnaryOperator<ServerSettings> CACHING =
            settings -> settings.withTokenCache(new ServerSettings.TokenCache(Duration.ofSeconds(5), 100));
    private final OAuthFixture f = new OAuthFixture(CACHING);

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }

    private Client authenticate(AuthorizationServer node, String clientId, String secret) {
        return node.clientAuthenticator().authenticate(basic(clientId, secret), Map.of());
    }

    /** Counts the lookups that reach the store behind the cache. */
    private static final class CountingStore extends ForwardingClientStore {
        final AtomicInteger lookups = new AtomicInteger();

        CountingStore(InMemoryClientStore store) {
            super(store);
        }

        @Override
        public Optional<Client> findByClientId(String clientId) {
            lookups.incrementAndGet();
            return store.findByClientId(clientId);
        }
    }

    @Test
    void repeatedLookupsReachTheStoreOnce() {
        CountingStore store = new CountingStore(f.clients);
        CachingClientStore cache = new CachingClientStore(store, Duration.ofSeconds(5), 100);
        f.confidentialClient("app", SECRET, GrantType.CLIENT_CREDENTIALS);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.findByClientId("app")).isPresent();
        }
        assertThat(store.lookups).hasValue(1);
    }

    @Test
    void unknownClientsAreNotCached() {
        CountingStore store = new CountingStore(f.clients);
        CachingClientStore cache = new CachingClientStore(store, Duration.ofSeconds(5), 100);
        assertThat(cache.findByClientId("later")).isEmpty();
        f.confidentialClient("later", SECRET, GrantType.CLIENT_CREDENTIALS);
        assertThat(cache.findByClientId("later")).isPresent();
    }

    @Test
    void zeroStalenessTurnsTheCacheOff() {
        CountingStore store = new CountingStore(f.clients);
        CachingClientStore cache = new CachingClientStore(store, Duration.ZERO, 100);
        f.confidentialClient("app", SECRET, GrantType.CLIENT_CREDENTIALS);
        cache.findByClientId("app");
        cache.findByClientId("app");
        assertThat(store.lookups).hasValue(2);
    }

    @Test
    void regeneratedSecretTakesEffectAtOnce() {
        RegisteredClient registered = register();
        String clientId = registered.client().clientId();
        assertThat(authenticate(f.server, clientId, registered.plainSecret()).clientId()).isEqualTo(clientId);

        RegisteredClient renewed = f.server.registrations().regenerateSecret(registered.client());

        assertOAuthError(() -> authenticate(f.server, clientId, registered.plainSecret()), "invalid_client");
        assertThat(authenticate(f.server, clientId, renewed.plainSecret()).clientId()).isEqualTo(clientId);
    }

    @Test
    void changedGrantTypesTakeEffectAtOnce() {
        RegisteredClient registered = register();
        Client cached = authenticate(f.server, registered.client().clientId(), registered.plainSecret());
        assertThat(cached.grantTypes()).contains(GrantType.CLIENT_CREDENTIALS);

        f.server.registrations().update(registered.client(), new ClientRegistrationRequest(List.of(),
                ClientType.CONFIDENTIAL, java.util.Set.of(GrantType.PASSWORD), "bench", null, null, false, null, null));

        assertThat(authenticate(f.server, registered.client().clientId(), registered.plainSecret()).grantTypes())
                .containsExactly(GrantType.PASSWORD);
    }

    @Test
    void deletedClientIsRefusedAtOnce() {
        RegisteredClient registered = register();
        authenticate(f.server, registered.client().clientId(), registered.plainSecret());

        f.server.registrations().delete(registered.client());

        assertOAuthError(() -> authenticate(f.server, registered.client().clientId(), registered.plainSecret()),
                "invalid_client");
    }

    @Test
    void anotherNodesChangeArrivesAsAnInvalidation() {
        // Two nodes over one database: node B caches the client, node A regenerates its secret and B hears of it
        // the way the PostgreSQL channel delivers it (the same Invalidation, parsed from the NOTIFY payload).
        RegisteredClient registered = register();
        String clientId = registered.client().clientId();
        AuthorizationServer nodeB = f.build(CACHING, List.of());
        authenticate(nodeB, clientId, registered.plainSecret());

        RegisteredClient renewed = f.server.registrations().regenerateSecret(registered.client());
        // Before the message, node B may still serve its cached client (bounded by maxStaleness).
        Invalidation sent = Invalidation.of(f.published(io.tollgate.oauth.event.ClientChanged.class).get(1))
                .orElseThrow();
        Invalidation.Message heard = Invalidation.parse(sent.toPayload("nodeA")).orElseThrow();
        nodeB.caches().invalidate(heard.invalidation());

        assertOAuthError(() -> authenticate(nodeB, clientId, registered.plainSecret()), "invalid_client");
        assertThat(authenticate(nodeB, clientId, renewed.plainSecret()).clientId()).isEqualTo(clientId);
    }

    @Test
    void operatorDisablingAClientIsDroppedThroughTheCaches() {
        Client client = f.confidentialClient("app", SECRET, GrantType.CLIENT_CREDENTIALS);
        authenticate(f.server, "app", SECRET);
        // The console marks the row disabled behind the core (the store then no longer finds it) and invalidates.
        f.clients.delete(client.id());
        f.server.caches().invalidate(Invalidation.client(client.id()));

        assertOAuthError(() -> authenticate(f.server, "app", SECRET), "invalid_client");
    }

    @Test
    void deletingTheOwnerDropsItsClients() {
        Client owned = f.clients.add(new Client(77, "owned", TokenHasher.sha256Hex(SECRET), "owned app", 5L,
                ClientType.CONFIDENTIAL, java.util.Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), null, false,
                f.clock.instant(), f.clock.instant()));
        authenticate(f.server, "owned", SECRET);
        // ON DELETE CASCADE removes the owner's applications with no client event; the user event must do.
        f.clients.delete(owned.id());
        f.server.caches().invalidate(Invalidation.user(5));

        assertOAuthError(() -> authenticate(f.server, "owned", SECRET), "invalid_client");
    }

    private RegisteredClient register() {
        return f.server.registrations().register(new ClientRegistrationRequest(List.of(),
                ClientType.CONFIDENTIAL, java.util.Set.of(GrantType.CLIENT_CREDENTIALS), "bench",
                ScopeSet.of("read"), null, false, null, null));
    }
}
