package io.tollgate.oauth.compose;

import io.tollgate.oauth.Issuer;
import io.tollgate.oauth.authorize.AuthorizationCodeIssuer;
import io.tollgate.oauth.authorize.AuthorizationRequestValidator;
import io.tollgate.oauth.authorize.ConsentPolicy;
import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.cleanup.TokenCleanupStore;
import io.tollgate.oauth.cleanup.TokenPurge;
import io.tollgate.oauth.client.ClientAuthenticationMethod;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.client.ClientSecretCheck;
import io.tollgate.oauth.client.ClientSecretVerifier;
import io.tollgate.oauth.client.ClientRegistrations;
import io.tollgate.oauth.event.ProtocolEventListener;
import io.tollgate.oauth.event.ProtocolEvents;
import io.tollgate.oauth.grant.AuthorizationCodeGrant;
import io.tollgate.oauth.grant.ClientCredentialsGrant;
import io.tollgate.oauth.grant.GrantHandler;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.grant.PasswordGrant;
import io.tollgate.oauth.grant.RefreshTokenGrant;
import io.tollgate.oauth.endpoint.TokenEndpoint;
import io.tollgate.oauth.introspect.TokenIntrospection;
import io.tollgate.oauth.metadata.AuthorizationServerMetadata;
import io.tollgate.oauth.resource.AccessTokenValidator;
import io.tollgate.oauth.resource.CachingAccessTokenLookup;
import io.tollgate.oauth.resource.TokenCacheInvalidation;
import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.resource.InvalidationTarget;
import io.tollgate.oauth.client.CachingClientStore;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.oauth.revoke.TokenRevocation;
import io.tollgate.oauth.revoke.UserAuthorizations;
import io.tollgate.oauth.token.AccessTokenFormat;
import io.tollgate.oauth.token.AccessTokenFormats;
import io.tollgate.oauth.token.OpaqueAccessTokenFormat;
import io.tollgate.oauth.token.SuccessorSeal;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenResponseContributor;
import io.tollgate.oauth.token.TokenService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The composition root of the authorization server (fosite's {@code compose}): the one place that assembles
 * grants, client authentication, token issuing and validation, metadata and events from settings, storage
 * ports and a clock. The application, every command and the test fixtures build it here; nothing else wires
 * the protocol. Parts from outside plug in through the {@link Builder}: grants, client-authentication methods,
 * access-token formats, token-response contributors and event listeners.
 */
public final class AuthorizationServer {
    private final ServerSettings settings;
    private final StoragePorts ports;
    private final Clock clock;
    private final ProtocolEvents events;
    private final Issuer issuer;
    private final TokenGenerator generator;
    private final ClientAuthenticator clientAuthenticator;
    private final TokenService tokens;
    private final GrantHandlers grants;
    private final TokenEndpoint tokenEndpoint;
    private final CachingAccessTokenLookup tokenCache;
    private final CachingClientStore clients;
    private final AccessTokenValidator accessTokenValidator;
    private final TokenRevocation revocation;
    private final TokenIntrospection introspection;
    private final AuthorizationServerMetadata metadata;
    private final ClientRegistrations registrations;
    private final List<String> accessTokenFormatNames;
    private final AuthorizationRequestValidator authorizationRequests;
    private final ConsentPolicy consent;
    private final AuthorizationCodeIssuer codes;
    private final UserAuthorizations userAuthorizations;
    private final TokenPurge purge;

    private AuthorizationServer(Builder b) {
        StoragePorts ports = b.ports;
        this.settings = b.settings;
        this.ports = ports;
        this.clock = b.clock;
        this.events = b.events;
        this.issuer = new Issuer(settings.issuer());
        this.generator = b.generator;
        ServerSettings.TokenCache cache = settings.tokenCache();
        // Client lookups are cached like token checks, under the same staleness bound and the same invalidations.
        this.clients = new CachingClientStore(ports.clients(), cache.maxStaleness(), cache.maximumSize());
        this.clientAuthenticator = new ClientAuthenticator(clients, b.clientAuthenticationMethods,
                b.clientThrottle);

        List<AccessTokenFormat> formatList = new ArrayList<>(b.accessTokenFormats);
        formatList.add(new OpaqueAccessTokenFormat(generator));
        AccessTokenFormats formats = new AccessTokenFormats(formatList);
        this.tokens = new TokenService(ports.tokens(), generator, settings.tokens(), clock,
                settings.refreshTokenReuseGrace(), new SuccessorSeal(), formats, b.contributors, events);

        CoreServices core = new CoreServices(settings, ports, clock, events, generator, tokens, clientAuthenticator);
        List<GrantHandler> handlers = new ArrayList<>(List.of(
                new AuthorizationCodeGrant(ports.codes(), ports.owners(), tokens, events, clock),
                new PasswordGrant(ports.owners(), settings.scopes(), tokens),
                new ClientCredentialsGrant(settings.scopes(), tokens),
                new RefreshTokenGrant(ports.tokens(), ports.owners(), tokens, clock)));
        b.grants.forEach(factory -> handlers.add(factory.apply(core)));
        this.grants = new GrantHandlers(handlers);
        this.tokenEndpoint = new TokenEndpoint(clientAuthenticator, grants, events, clock);

        this.tokenCache = new CachingAccessTokenLookup(ports.accessTokens(), cache.maxStaleness(), cache.maximumSize());
        // Subscribed first, so every other listener already sees the caches without the changed rows.
        events.subscribe(new TokenCacheInvalidation(tokenCache));
        events.subscribe(event -> Invalidation.of(event).ifPresent(clients::invalidate));
        b.listeners.forEach(events::subscribe);
        this.accessTokenValidator = new AccessTokenValidator(formats.verificationOrder(), tokenCache, clock, events);

        this.revocation = new TokenRevocation(ports.tokens(), tokens, events, clock);
        this.introspection = new TokenIntrospection(accessTokenValidator, ports.tokens(), clients,
                ports.owners(), clock, events);
        this.metadata = new AuthorizationServerMetadata(settings.scopes().all(), grants, clientAuthenticator,
                settings.authorize().allowPlainPkce());
        this.accessTokenFormatNames = formats.names();
        this.registrations = new ClientRegistrations(clients, generator, settings.scopes(), grants, events,
                clock, new java.util.LinkedHashSet<>(accessTokenFormatNames));
        this.authorizationRequests = new AuthorizationRequestValidator(clients, settings.scopes(),
                settings.authorize());
        this.consent = new ConsentPolicy(ports.consents(), settings.authorize(), clock, events);
        this.codes = new AuthorizationCodeIssuer(ports.codes(), generator, settings.tokens(), clock);
        this.userAuthorizations = new UserAuthorizations(ports.authorizedApplications(), events, clock);
        ServerSettings.Purge purgeSettings = settings.purge();
        Map<PurgeKind, TokenCleanupStore> purged = TokenPurge.standard(ports.cleanup());
        purged.putAll(b.purged);
        this.purge = new TokenPurge(purged, clock, purgeSettings.retention(), purgeSettings.batchSize(),
                purgeSettings.sessionIdleTimeout(), purgeSettings.restRatio());
    }

    public static Builder builder(ServerSettings settings, StoragePorts ports, Clock clock) {
        return new Builder(settings, ports, clock);
    }

    /** The server with the built-in grants, methods and the opaque format only. */
    public static AuthorizationServer create(ServerSettings settings, StoragePorts ports, Clock clock) {
        return builder(settings, ports, clock).build();
    }

    public ServerSettings settings() {
        return settings;
    }

    public StoragePorts ports() {
        return ports;
    }

    public Clock clock() {
        return clock;
    }

    /** Where listeners subscribe; the core publishes here. */
    public ProtocolEvents events() {
        return events;
    }

    public Issuer issuer() {
        return issuer;
    }

    public TokenGenerator generator() {
        return generator;
    }

    public ClientAuthenticator clientAuthenticator() {
        return clientAuthenticator;
    }

    public TokenService tokens() {
        return tokens;
    }

    public GrantHandlers grants() {
        return grants;
    }

    /** The token endpoint's protocol side: client authentication, then the grant; refusals are published. */
    public TokenEndpoint tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The one "is this access token valid" rule, for the bearer filter and introspection. */
    public AccessTokenValidator accessTokenValidator() {
        return accessTokenValidator;
    }

    /**
     * Every per-node cache an {@link Invalidation} may concern (token checks, client lookups): what another
     * node's message, or an operator action outside the core, tells this node to forget.
     */
    public InvalidationTarget caches() {
        return invalidation -> {
            tokenCache.invalidate(invalidation);
            clients.invalidate(invalidation);
        };
    }

    /** The per-node cache behind the validator (its size and hit rate are metrics). */
    public CachingAccessTokenLookup tokenCache() {
        return tokenCache;
    }

    public TokenRevocation revocation() {
        return revocation;
    }

    public TokenIntrospection introspection() {
        return introspection;
    }

    public AuthorizationServerMetadata metadata() {
        return metadata;
    }

    /** The names of the registered access-token formats, opaque first: what a client may choose. */
    public List<String> accessTokenFormatNames() {
        return accessTokenFormatNames;
    }

    public ClientRegistrations registrations() {
        return registrations;
    }

    public AuthorizationRequestValidator authorizationRequests() {
        return authorizationRequests;
    }

    public ConsentPolicy consent() {
        return consent;
    }

    public AuthorizationCodeIssuer codes() {
        return codes;
    }

    public UserAuthorizations userAuthorizations() {
        return userAuthorizations;
    }

    public TokenPurge purge() {
        return purge;
    }

    /** Collects the parts that plug in from outside; {@link #build()} assembles the server once. */
    public static final class Builder {
        private final ServerSettings settings;
        private final StoragePorts ports;
        private final Clock clock;
        private ProtocolEvents events = new ProtocolEvents();
        private AttemptThrottle clientThrottle;
        private TokenGenerator generator = new TokenGenerator();
        private final List<Function<CoreServices, GrantHandler>> grants = new ArrayList<>();
        private List<ClientAuthenticationMethod> clientAuthenticationMethods = ClientAuthenticator.standardMethods();
        private final List<AccessTokenFormat> accessTokenFormats = new ArrayList<>();
        private final List<TokenResponseContributor> contributors = new ArrayList<>();
        private final List<ProtocolEventListener> listeners = new ArrayList<>();
        private final Map<PurgeKind, TokenCleanupStore> purged = new LinkedHashMap<>();

        private Builder(ServerSettings settings, StoragePorts ports, Clock clock) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.ports = Objects.requireNonNull(ports, "ports");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Publishes into an existing bus (one the users service already publishes into). */
        public Builder events(ProtocolEvents bus) {
            this.events = Objects.requireNonNull(bus, "bus");
            return this;
        }

        public Builder generator(TokenGenerator tokenGenerator) {
            this.generator = Objects.requireNonNull(tokenGenerator, "tokenGenerator");
            return this;
        }

        /** Adds a grant after the built-in ones; the factory gets the core's token service, clock and events. */
        public Builder grant(Function<CoreServices, GrantHandler> factory) {
            grants.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** Adds a client-authentication method after client_secret_basic, client_secret_post and none. */
        public Builder clientAuthenticationMethod(ClientAuthenticationMethod method) {
            List<ClientAuthenticationMethod> methods = new ArrayList<>(clientAuthenticationMethods);
            methods.add(Objects.requireNonNull(method, "method"));
            clientAuthenticationMethods = List.copyOf(methods);
            return this;
        }

        /** Adds an access-token format a client's token settings may choose (opaque is always there). */
        public Builder accessTokenFormat(AccessTokenFormat format) {
            accessTokenFormats.add(Objects.requireNonNull(format, "format"));
            return this;
        }

        /** Adds members to every token response (an id_token). */
        public Builder tokenResponseContributor(TokenResponseContributor contributor) {
            contributors.add(Objects.requireNonNull(contributor, "contributor"));
            return this;
        }

        /** Counts failed client authentications, shared by every node (nullable: none). */
        public Builder clientThrottle(AttemptThrottle throttle) {
            this.clientThrottle = throttle;
            return this;
        }

        /**
         * Decides secrets for client_secret_basic and client_secret_post (e.g. imported Django hashes as well as
         * Tollgate's SHA-256); methods added with {@link #clientAuthenticationMethod} stay as they are.
         */
        public Builder clientSecretVerifier(ClientSecretVerifier secrets) {
            Objects.requireNonNull(secrets, "secrets");
            clientAuthenticationMethods = clientAuthenticationMethods.stream()
                    .map(method -> method instanceof ClientSecretCheck check ? check.verifiedBy(secrets) : method)
                    .toList();
            return this;
        }

        /** Subscribes a listener before anything can be published. */
        public Builder listener(ProtocolEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Adds a kind of row to the purge (after the built-in kinds), deleted by its own store. */
        public Builder purge(PurgeKind kind, TokenCleanupStore store) {
            purged.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(store, "store"));
            return this;
        }

        public AuthorizationServer build() {
            return new AuthorizationServer(this);
        }
    }
}
