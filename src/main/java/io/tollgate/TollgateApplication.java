package io.tollgate;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.tollgate.config.CleanupSettings;
import io.tollgate.config.OAuthSettings;
import io.tollgate.config.TokenCacheSettings;
import io.tollgate.oauth.cleanup.TokenPurge;
import io.tollgate.oauth.client.ClientAuthenticator;
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
import io.tollgate.persistence.JdbiAuthorizationCodeStore;
import io.tollgate.persistence.JdbiBearerTokenLookup;
import io.tollgate.persistence.JdbiClientStore;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiTokenCleanup;
import io.tollgate.persistence.JdbiTokenStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserResourceOwners;
import io.tollgate.users.UserService;
import io.tollgate.users.UserStore;
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
import io.tollgate.web.security.RevocationAwareTokenStore;
import io.tollgate.web.security.ScopeAuthorizer;
import io.tollgate.web.security.TokenAuthenticator;
import io.tollgate.web.security.TokenPrincipal;
import java.time.Clock;
import java.util.List;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
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
import io.tollgate.ops.MigrationsHealthCheck;
import io.tollgate.ops.cli.CreateApplicationCommand;
import io.tollgate.ops.PendingMigrations;
import io.tollgate.ops.PrometheusEndpoint;
import io.tollgate.web.api.ApiRootResource;
import io.tollgate.web.errors.ConstraintViolationExceptionMapper;
import io.tollgate.web.errors.JsonErrorHandler;
import io.tollgate.web.errors.JsonProcessingExceptionMapper;
import io.tollgate.web.errors.RequestBodyLimitFilter;
import io.tollgate.web.errors.UnexpectedExceptionMapper;
import io.tollgate.web.errors.WebApplicationExceptionMapper;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Wiring only: bundles, database, stores, services, resources, health checks, tasks and commands. */
public class TollgateApplication extends Application<TollgateConfiguration> {
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
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(TollgateConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
        bootstrap.addCommand(new CreateApplicationCommand());
        bootstrap.addCommand(new ClearTokensCommand());
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

        Clock clock = Clock.systemUTC();
        registerErrorHandling(configuration, environment);
        environment.jersey().register(new ApiRootResource());

        UserStore userStore = new JdbiUserStore(jdbi);
        UserService users = new UserService(userStore, new JdbiGroupStore(jdbi),
                new PasswordHasher(configuration.getPasswords().getIterations()), clock);
        ResourceOwnerAuthenticator owners = new UserResourceOwners(users, userStore);
        OAuthParts oauth = registerOAuth(configuration.getOauth(), environment, jdbi, owners, clock);
        registerTokenLifecycle(configuration, environment, jdbi, owners, clock, oauth);
        environment.healthChecks().register("migrations", new MigrationsHealthCheck(pendingMigrations));
        PrometheusEndpoint.register(environment.metrics(), environment.admin());
    }

    /** What registerOAuth built that the token-lifecycle endpoints share. */
    private record OAuthParts(TokenStore tokens, ClientStore clients, ClientAuthenticator clientAuthenticator,
                              TokenAuthenticator tokenChecks, GrantHandlers grants, ScopeRegistry scopes) {
    }

    /** The authorization server (token endpoint) and the resource server's bearer-token checks. */
    private static OAuthParts registerOAuth(OAuthSettings settings, Environment environment, Jdbi jdbi,
                                      ResourceOwnerAuthenticator owners, Clock clock) {
        TokenCacheSettings cache = settings.getTokenCache();
        TokenAuthenticator tokenChecks = new TokenAuthenticator(new JdbiBearerTokenLookup(jdbi), clock,
                cache.getMaxStaleness().toJavaDuration(), cache.getMaximumSize(), environment.metrics());
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

        ClientAuthenticator clientAuthenticator = new ClientAuthenticator(clients);
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
                oauth.grants()));

        CleanupSettings cleanup = configuration.getCleanup();
        TokenCleanupJob job = new TokenCleanupJob(new TokenPurge(new JdbiTokenCleanup(jdbi), clock,
                cleanup.getRetention().toJavaDuration(), cleanup.getBatchSize()), environment.metrics());
        environment.admin().addTask(new ClearTokensTask(job));
        if (cleanup.isEnabled()) {
            environment.lifecycle().manage(new PeriodicTokenCleanup(job,
                    environment.lifecycle().scheduledExecutorService("token-cleanup-%d").threads(1).build(),
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
