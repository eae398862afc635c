package io.tollgate.oauth;

import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.compose.ServerSettings;
import io.tollgate.oauth.compose.StoragePorts;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.grant.AuthorizationCodeGrant;
import io.tollgate.oauth.grant.ClientCredentialsGrant;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.PasswordGrant;
import io.tollgate.oauth.grant.RefreshTokenGrant;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.InMemoryAccessTokenLookup;
import io.tollgate.oauth.store.InMemoryAuthorizationCodeStore;
import io.tollgate.oauth.store.InMemoryAuthorizedApplications;
import io.tollgate.oauth.store.InMemoryClientStore;
import io.tollgate.oauth.store.InMemoryConsentStore;
import io.tollgate.oauth.store.InMemoryResourceOwners;
import io.tollgate.oauth.store.InMemoryTokenCleanup;
import io.tollgate.oauth.store.InMemoryTokenStore;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The protocol core assembled by its composition root over in-memory stores, configured like the tutorial
 * (read, write, groups); the token cache is off, so a change in a store is seen at once. Every published
 * event is kept in {@link #events} for assertions.
 */
public final class OAuthFixture {

    public final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
    public final InMemoryClientStore clients = new InMemoryClientStore();
    public final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
    public final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    public final InMemoryConsentStore consents = new InMemoryConsentStore();
    public final InMemoryResourceOwners owners = new InMemoryResourceOwners();
    public final TokenGenerator generator = new TokenGenerator();
    public final ScopeRegistry scopes = new ScopeRegistry(tutorialScopes(), ScopeSet.of("read", "write", "groups"));
    public final List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
    public final AuthorizationServer server;
    public final TokenService tokens;
    public final PasswordGrant passwordGrant;
    public final RefreshTokenGrant refreshGrant;
    public final ClientCredentialsGrant clientCredentialsGrant;
    public final AuthorizationCodeGrant codeGrant;
    public final GrantHandlers handlers;
    private long nextClientId = 100;

    public OAuthFixture() {
        this(UnaryOperator.identity());
    }

    /** @param settings changes to the default settings (a reuse grace, a token cache) */
    public OAuthFixture(UnaryOperator<ServerSettings> settings) {
        server = build(settings, List.of());
        tokens = server.tokens();
        handlers = server.grants();
        passwordGrant = (PasswordGrant) handlers.handler(GrantType.PASSWORD).orElseThrow();
        refreshGrant = (RefreshTokenGrant) handlers.handler(GrantType.REFRESH_TOKEN).orElseThrow();
        clientCredentialsGrant = (ClientCredentialsGrant) handlers.handler(GrantType.CLIENT_CREDENTIALS).orElseThrow();
        codeGrant = (AuthorizationCodeGrant) handlers.handler(GrantType.AUTHORIZATION_CODE).orElseThrow();
    }

    /** Another server over the same stores and clock, e.g. with a grant or a token format added. */
    public AuthorizationServer build(UnaryOperator<ServerSettings> settings,
                                     List<UnaryOperator<AuthorizationServer.Builder>> extensions) {
        ServerSettings configured = settings.apply(ServerSettings.defaults(scopes)
                .withTokenCache(new ServerSettings.TokenCache(Duration.ZERO, 0)));
        AuthorizationServer.Builder builder = AuthorizationServer.builder(configured, ports(), clock)
                .generator(generator)
                .listener(events::add);
        for (UnaryOperator<AuthorizationServer.Builder> extension : extensions) {
            builder = extension.apply(builder);
        }
        return builder.build();
    }

    public StoragePorts ports() {
        return new StoragePorts(clients, tokenStore, codes, consents,
                new InMemoryAuthorizedApplications(tokenStore, clients, consents),
                new InMemoryAccessTokenLookup(tokenStore, owners), new InMemoryTokenCleanup(tokenStore), owners);
    }

    public static Map<String, String> tutorialScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("read", "Read scope");
        scopes.put("write", "Write scope");
        scopes.put("groups", "Access to your groups");
        return scopes;
    }

    public Client confidentialClient(String clientId, String secret, GrantType... grants) {
        return clients.add(client(clientId, TokenHasher.sha256Hex(secret), ClientType.CONFIDENTIAL, null, grants));
    }

    public Client publicClient(String clientId, GrantType... grants) {
        return clients.add(client(clientId, null, ClientType.PUBLIC, null, grants));
    }

    public Client client(String clientId, String secretHash, ClientType type, ScopeSet allowedScopes,
                         GrantType... grants) {
        Instant now = clock.instant();
        return new Client(nextClientId++, clientId, secretHash, clientId + " app", null, type, Set.of(grants),
                List.of("https://app.example/callback"), allowedScopes, false, now, now);
    }

    /** The events of this type published so far, in order. */
    public <E extends ProtocolEvent> List<E> published(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
