package io.tollgate;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.views.common.ViewBundle;
import io.tollgate.config.CleanupSettings;
import io.tollgate.config.OAuthSettings;
import io.tollgate.config.SessionSettings;
import io.tollgate.config.TokenCacheSettings;
import io.tollgate.oauth.authorize.AuthorizationCodeIssuer;
import io.tollgate.oauth.authorize.AuthorizationRequestValidator;
import io.tollgate.oauth.authorize.AuthorizeSettings;
import io.tollgate.oauth.authorize.ConsentPolicy;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.client.ClientRegistrations;
import io.tollgate.oauth.cleanup.TokenPurge;
import io.tollgate.oauth.introspect.TokenIntrospection;
import io.tollgate.oauth.revoke.TokenRevocation;
import io.tollgate.oauth.token.SuccessorSeal;
import io.tollgate.oauth.grant.AuthorizationCodeGrant;
import io.tollgate.oauth.grant.ClientCredentialsGrant;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.grant.PasswordGrant;
import io.tollgate.oauth.grant.RefreshTokenGrant;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenService;
import io.tollgate.ops.cli.ChangePasswordCommand;
import io.tollgate.ops.cli.CreateSuperuserCommand;
import io.tollgate.ops.MigrationsHealthCheck;
import io.tollgate.ops.PendingMigrations;
import io.tollgate.ops.PrometheusEndpoint;
import io.tollgate.ops.cli.CreateApplicationCommand;
import io.tollgate.ops.cli.PasswordCostCommand;
import io.tollgate.ops.djangoimport.ImportDjangoCommand;
import io.tollgate.ops.djangoimport.ImportedSecretsWiring;
import io.tollgate.persistence.JdbiAuthorizationCodeStore;
import io.tollgate.persistence.JdbiAuthorizedTokens;
import io.tollgate.persistence.JdbiBearerTokenLookup;
import io.tollgate.persistence.JdbiClientStore;
import io.tollgate.persistence.JdbiConsentStore;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiSessionStore;
import io.tollgate.persistence.JdbiTokenCleanup;
import io.tollgate.persistence.JdbiTokenStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.GroupService;
import io.tollgate.users.GroupStore;
import io.tollgate.config.PasswordSettings;
import io.tollgate.users.LoginThrottle;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserResourceOwners;
import io.tollgate.users.UserService;
import io.tollgate.users.UserStore;
import io.tollgate.web.api.ApiRootResource;
import io.tollgate.web.api.GroupsResource;
import io.tollgate.web.api.NotFoundExceptionMapper;
import io.tollgate.web.api.Pagination;
import io.tollgate.web.api.PermissionDeniedExceptionMapper;
import io.tollgate.web.api.RequestDataReader;
import io.tollgate.web.api.UsersResource;
import io.tollgate.web.api.ValidationExceptionMapper;
import io.tollgate.web.errors.ConstraintViolationExceptionMapper;
import io.tollgate.web.errors.JsonErrorHandler;
import io.tollgate.web.errors.JsonProcessingExceptionMapper;
import io.tollgate.web.errors.RequestBodyLimitFilter;
import io.tollgate.web.errors.UnexpectedExceptionMapper;
import io.tollgate.web.errors.WebApplicationExceptionMapper;
import io.tollgate.ops.ClearTokensTask;
import io.tollgate.ops.PeriodicTokenCleanup;
import io.tollgate.ops.TokenCleanupJob;
import io.tollgate.ops.cli.ClearTokensCommand;
import io.tollgate.web.oauth.IntrospectResource;
import io.tollgate.web.oauth.MetadataResource;
import io.tollgate.web.oauth.OAuthExceptionMapper;
import io.tollgate.web.oauth.RevokeResource;
import io.tollgate.web.oauth.TokenResource;
import io.tollgate.web.security.BearerAuthFilter;
import io.tollgate.web.security.RevocationAwareAuthorizedApplications;
import io.tollgate.web.security.RevocationAwareClientStore;
import io.tollgate.web.security.RevocationAwareTokenStore;
import io.tollgate.web.security.RevocationAwareUserStore;
import io.tollgate.web.security.ScopeAuthorizer;
import io.tollgate.web.security.TokenAuthenticator;
import io.tollgate.web.security.TokenPrincipal;
import io.tollgate.web.ui.ApplicationsResource;
import io.tollgate.web.ui.AuthorizeResource;
import io.tollgate.web.ui.AuthorizedTokensResource;
import io.tollgate.web.ui.Cookies;
import io.tollgate.web.ui.LoginResource;
import io.tollgate.web.ui.PageFilter;
import io.tollgate.web.ui.StaticResource;
import io.tollgate.web.ui.session.SessionManager;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Wiring only: bundles, database, stores, services, resources, health checks, tasks and commands. */
public class TollgateApplication extends Application<TollgateConfiguration> {
    private final Clock clock;

    public TollgateApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a clock they can move, so every expiry is checked without sleeping. */
    protected TollgateApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new TollgateApplication().run(args);
    }

    @Override
    public String getName() {
        return "tollgate";
    }

    @Override
    public void initialize(Bootstrap<TollgateConfiguration> bootstrap) {
        // Liquibase would otherwise try to send usage analytics on every `db` command.
        System.setProperty("liquibase.analytics.enabled", "false");
        // JVM gauges (memory, GC, threads); the jar's launcher registers them too, embedded test runs do not.
        bootstrap.registerMetrics();
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(TollgateConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
        bootstrap.addCommand(new CreateApplicationCommand());
        bootstrap.addCommand(new PasswordCostCommand());
        bootstrap.addCommand(new CreateSuperuserCommand());
        bootstrap.addCommand(new ChangePasswordCommand());
        bootstrap.addCommand(new ClearTokensCommand());
        bootstrap.addCommand(new ImportDjangoCommand());
        bootstrap.addBundle(new ViewBundle<>() {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(TollgateConfiguration configuration) {
                return configuration.getViews();
            }
        });
    }

    @Override
    public void run(TollgateConfiguration configuration, Environment environment) throws Exception {
        ManagedDataSource dataSource = configuration.getDatabase().build(environment.metrics(), "database");
        PendingMigrations pendingMigrations = new PendingMigrations(dataSource);
        pendingMigrations.requireNone();
        Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), dataSource, "database");

        registerErrorHandling(configuration, environment);
        environment.jersey().register(new ApiRootResource());

        TokenCacheSettings cache = configuration.getOauth().getTokenCache();
        TokenAuthenticator tokenChecks = new TokenAuthenticator(new JdbiBearerTokenLookup(jdbi), clock,
                cache.getMaxStaleness().toJavaDuration(), cache.getMaximumSize(), environment.metrics());
        UserService users = registerUsersApi(configuration, environment, jdbi, clock, tokenChecks);
        ResourceOwnerAuthenticator owners = new UserResourceOwners(users, new JdbiUserStore(jdbi));
        OAuthParts oauth = registerOAuth(configuration.getOauth(), environment, jdbi, owners, clock, tokenChecks);
        registerTokenLifecycle(configuration, environment, jdbi, owners, clock, oauth);
        environment.healthChecks().register("migrations", new MigrationsHealthCheck(pendingMigrations, clock, Duration.ofMinutes(1)));
        PrometheusEndpoint.register(environment.metrics(), environment.admin());
        registerBrowserPages(configuration, environment, jdbi, users, oauth.tokenChecks());
    }

    /** Sign-in, application pages, the authorization endpoint with consent, and authorized tokens. */
    private void registerBrowserPages(TollgateConfiguration configuration, Environment environment, Jdbi jdbi,
                                      UserService users, TokenAuthenticator tokenChecks) {
        TokenGenerator generator = new TokenGenerator();
        ScopeRegistry scopes = configuration.getOauth().scopeRegistry();
        ClientStore clients = new RevocationAwareClientStore(new JdbiClientStore(jdbi), tokenChecks);
        SessionSettings sessionSettings = configuration.getSessions();
        SessionManager sessions = new SessionManager(new JdbiSessionStore(jdbi), generator,
                sessionSettings.getIdleTimeout().toJavaDuration(), clock);
        Cookies cookies = new Cookies(sessionSettings.getCookieName(), sessionSettings.getCsrfCookieName());
        AuthorizeSettings authorize = configuration.getAuthorize().settings();

        environment.jersey().register(new PageFilter(sessions, generator, cookies));
        environment.jersey().register(new StaticResource());
        environment.jersey().register(new LoginResource(users, sessions, cookies, generator));
        environment.jersey().register(new ApplicationsResource(clients,
                new ClientRegistrations(clients, generator, scopes, clock), scopes));
        environment.jersey().register(new AuthorizeResource(
                new AuthorizationRequestValidator(clients, scopes, authorize),
                new ConsentPolicy(new JdbiConsentStore(jdbi), authorize, clock),
                new AuthorizationCodeIssuer(new JdbiAuthorizationCodeStore(jdbi), generator,
                        configuration.getOauth().tokenSettings(), clock),
                scopes, configuration.getOauth().getIssuer()));
        environment.jersey().register(new AuthorizedTokensResource(
                new RevocationAwareAuthorizedApplications(new JdbiAuthorizedTokens(jdbi), tokenChecks), clock));
    }

    /** Users and groups: stores, services, resources and their error mappers. Returns the service for logins. */
    private static UserService registerUsersApi(TollgateConfiguration configuration, Environment environment, Jdbi jdbi,
                                                Clock clock, TokenAuthenticator tokenChecks) {
        GroupStore groupStore = new JdbiGroupStore(jdbi);
        PasswordSettings passwords = configuration.getPasswords();
        UserService users = new UserService(new RevocationAwareUserStore(new JdbiUserStore(jdbi), tokenChecks), groupStore,
                new PasswordHasher(passwords.getIterations()), clock,
                new LoginThrottle(passwords.getMaxFailedLogins(), passwords.getLockoutWindow().toJavaDuration(), clock));
        Pagination pagination = new Pagination(configuration.getApi().getPageSize());
        environment.jersey().register(new RequestDataReader(environment.getObjectMapper()));
        environment.jersey().register(new UsersResource(users, pagination));
        environment.jersey().register(new GroupsResource(new GroupService(groupStore), pagination));
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new NotFoundExceptionMapper());
        environment.jersey().register(new PermissionDeniedExceptionMapper());
        return users;
    }

    /** What registerOAuth built that the token-lifecycle endpoints share. */
    private record OAuthParts(TokenStore tokens, ClientStore clients, ClientAuthenticator clientAuthenticator,
                              TokenAuthenticator tokenChecks, GrantHandlers grants, ScopeRegistry scopes) {
    }

    /** The authorization server (token endpoint) and the resource server's bearer-token checks. */
    private static OAuthParts registerOAuth(OAuthSettings settings, Environment environment, Jdbi jdbi,
                                            ResourceOwnerAuthenticator owners, Clock clock,
                                            TokenAuthenticator tokenChecks) {
        TokenStore tokens = new RevocationAwareTokenStore(new JdbiTokenStore(jdbi), tokenChecks);
        ClientStore clients = new JdbiClientStore(jdbi);
        ScopeRegistry scopes = settings.scopeRegistry();
        TokenService tokenService = new TokenService(tokens, new TokenGenerator(), settings.tokenSettings(), clock,
                settings.getRefreshTokenReuseGrace().toJavaDuration(), new SuccessorSeal());
        GrantHandlers grants = new GrantHandlers(List.of(
                new PasswordGrant(owners, scopes, tokenService),
                new RefreshTokenGrant(tokens, owners, tokenService, clock),
                new ClientCredentialsGrant(scopes, tokenService),
                new AuthorizationCodeGrant(new JdbiAuthorizationCodeStore(jdbi), tokens, owners, tokenService, clock)));

        ClientAuthenticator clientAuthenticator = new ClientAuthenticator(clients,
                ImportedSecretsWiring.clientSecrets(jdbi, environment.metrics()));
        environment.jersey().register(new OAuthExceptionMapper());
        environment.jersey().register(new TokenResource(clientAuthenticator, grants));
        environment.jersey().register(new AuthDynamicFeature(new BearerAuthFilter(tokenChecks, new ScopeAuthorizer())));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(TokenPrincipal.class));
        return new OAuthParts(tokens, clients, clientAuthenticator, tokenChecks, grants, scopes);
    }

    /**
     * Revocation (RFC 7009), introspection (RFC 7662), metadata (RFC 8414), and the purge of expired and revoked
     * rows: periodic on every node, as an admin task and as the cleartokens command.
     */
    private static void registerTokenLifecycle(TollgateConfiguration configuration, Environment environment, Jdbi jdbi,
                                               ResourceOwnerAuthenticator owners, Clock clock, OAuthParts oauth) {
        environment.jersey().register(new RevokeResource(oauth.clientAuthenticator(),
                new TokenRevocation(oauth.tokens(), clock)));
        environment.jersey().register(new IntrospectResource(oauth.clientAuthenticator(), oauth.tokenChecks(),
                new TokenIntrospection(oauth.tokens(), oauth.clients(), owners, clock)));
        environment.jersey().register(new MetadataResource(configuration.getOauth().getIssuer(), oauth.scopes().all(),
                oauth.grants(), configuration.getAuthorize().isAllowPlainPkce()));

        CleanupSettings cleanup = configuration.getCleanup();
        TokenCleanupJob job = new TokenCleanupJob(new TokenPurge(new JdbiTokenCleanup(jdbi), clock,
                cleanup.getRetention().toJavaDuration(), cleanup.getBatchSize(),
                configuration.getSessions().getIdleTimeout().toJavaDuration()), environment.metrics());
        environment.admin().addTask(new ClearTokensTask(job));
        if (cleanup.isEnabled()) {
            environment.lifecycle().manage(new PeriodicTokenCleanup(job,
                    environment.lifecycle().scheduledExecutorService("token-cleanup").threads(1).build(),
                    cleanup.getInterval().toJavaDuration()));
        }
    }

    private static void registerErrorHandling(TollgateConfiguration configuration, Environment environment) {
        WebApplicationExceptionMapper webErrors = new WebApplicationExceptionMapper();
        environment.jersey().register(webErrors);
        environment.jersey().register(new UnexpectedExceptionMapper(webErrors));
        environment.jersey().register(new JsonProcessingExceptionMapper());
        environment.jersey().register(new ConstraintViolationExceptionMapper());
        environment.jersey().register(new RequestBodyLimitFilter(configuration.getMaxRequestBodySize().toBytes()));
        environment.getApplicationContext().setErrorHandler(new JsonErrorHandler());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
    }
}
