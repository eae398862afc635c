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
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.views.common.ViewBundle;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.ops.InvalidationWiring;
import io.tollgate.ops.MigrationGate;
import io.tollgate.ops.Operations;
import io.tollgate.ops.ThrottleWiring;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.ops.PendingMigrations;
import io.tollgate.ops.cli.ChangePasswordCommand;
import io.tollgate.ops.cli.ClearTokensCommand;
import io.tollgate.ops.cli.CreateApplicationCommand;
import io.tollgate.ops.cli.CreateSuperuserCommand;
import io.tollgate.ops.cli.OperatorCommand;
import io.tollgate.ops.cli.PasswordCostCommand;
import io.tollgate.ops.cli.PasswordInput;
import io.tollgate.web.DeviceFlowEndpoints;
import io.tollgate.web.ErrorHandling;
import io.tollgate.ops.djangoimport.ImportDjangoCommand;
import io.tollgate.ops.djangoimport.ImportedSecretsWiring;
import io.tollgate.web.api.ApiReadLane;
import io.tollgate.web.api.ApiRootResource;
import io.tollgate.web.api.GroupsResource;
import io.tollgate.web.api.Pagination;
import io.tollgate.web.api.RequestDataReader;
import io.tollgate.web.api.UsersResource;
import io.tollgate.web.oauth.IntrospectResource;
import io.tollgate.web.oauth.MetadataResource;
import io.tollgate.web.oauth.RevokeResource;
import io.tollgate.web.oauth.TokenFastLane;
import io.tollgate.web.oauth.TokenResource;
import io.tollgate.web.security.BearerAuthFilter;
import io.tollgate.web.security.ClientAddresses;
import io.tollgate.web.security.ScopeAuthorizer;
import io.tollgate.web.security.TokenAuthenticator;
import io.tollgate.web.security.TokenPrincipal;
import io.tollgate.web.ui.ApplicationsResource;
import io.tollgate.web.ui.AuthorizeResource;
import io.tollgate.web.ui.AuthorizedTokensResource;
import io.tollgate.web.ui.Cookies;
import io.tollgate.web.ui.EndSessionResource;
import io.tollgate.web.ui.LoginResource;
import io.tollgate.web.ui.PageFilter;
import io.tollgate.web.ui.StaticResource;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;

/** Bundles and commands, the services assembled once ({@link TollgateServices}), and the resources on top. */
public class TollgateApplication extends Application<TollgateConfiguration> {
    private final Clock clock;

    public TollgateApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a clock they can move, so every expiry is checked without sleeping; commands get it too. */
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
                return configuration.getDatabase().forMigrations();
            }
        });
        bootstrap.addBundle(new ViewBundle<>() {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(TollgateConfiguration configuration) {
                return configuration.getViews();
            }
        });
        bootstrap.addCommand(new CreateApplicationCommand(clock));
        bootstrap.addCommand(new CreateSuperuserCommand(clock, PasswordInput::system));
        bootstrap.addCommand(new ChangePasswordCommand(clock, PasswordInput::system));
        bootstrap.addCommand(new ClearTokensCommand(clock));
        bootstrap.addCommand(new PasswordCostCommand());
        bootstrap.addCommand(new io.tollgate.ops.cli.RotateKeysCommand(clock));
        bootstrap.addCommand(new ImportDjangoCommand());
        OperatorCommand.all(clock).forEach(bootstrap::addCommand);
    }

    @Override
    public void run(TollgateConfiguration configuration, Environment environment) throws Exception {
        ManagedDataSource dataSource = configuration.getDatabase().build(environment.metrics(), "database");
        PendingMigrations pendingMigrations = new PendingMigrations(dataSource);
        MigrationGate migrations = MigrationGate.begin(pendingMigrations);
        environment.lifecycle().manage(migrations);
        try {
            assemble(configuration, environment, dataSource, pendingMigrations);
        } catch (Exception e) {
            // A schema behind the code explains whatever the assembly tripped over: say that instead.
            migrations.requireNone();
            throw e;
        }
    }

    private void assemble(TollgateConfiguration configuration, Environment environment,
                          ManagedDataSource dataSource, PendingMigrations pendingMigrations) throws Exception {
        Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), dataSource, "database");
        // Dropwizard's NamePrependingTemplateEngine only renders, so Jdbi cannot cache a parsed statement and lexes
        // every SQL string again on every call (the profile showed the ANTLR lexer on each request). Jdbi's own
        // engine caches the parse; what is lost is the "/* Dao.method */" prefix, which only SQL objects carry.
        jdbi.setTemplateEngine(new DefinedAttributeTemplateEngine());
        AttemptThrottle throttle = ThrottleWiring.register(configuration.getThrottle(), environment, jdbi, clock);
        TollgateServices services = TollgateServices.assemble(configuration, jdbi, clock, throttle);
        InvalidationWiring.register(configuration.getDatabase(), jdbi, environment, services.oauth());
        ImportedSecretsWiring.registerGauge(jdbi, environment.metrics());
        ConsoleWiring console = new ConsoleWiring(configuration, environment, jdbi, clock);

        ErrorHandling.register(environment, configuration.getMaxRequestBodySize().toBytes());
        registerApi(environment, configuration, services);
        registerOAuth(environment.jersey(), services.oauth());
        registerTokenFastLane(environment, configuration, services.oauth());
        registerPages(environment.jersey(), configuration, services);
        DeviceFlowEndpoints.register(environment.jersey(), services.oauth(), services.device());
        console.registerConsole(services);
        Operations.register(environment, services.oauth(), pendingMigrations, configuration.getCleanup(),
                dataSource);
        services.oidc().register(environment, services.oauth(), console.audit());
    }

    /** The users and groups API behind the bearer filter. */
    private static void registerApi(Environment environment, TollgateConfiguration configuration,
                                    TollgateServices services) {
        JerseyEnvironment jersey = environment.jersey();
        jersey.register(new RequestDataReader(environment.getObjectMapper()));
        Pagination pagination = new Pagination(configuration.getApi().getPageSize());
        TokenAuthenticator bearerTokens = new TokenAuthenticator(services.oauth().accessTokenValidator());
        jersey.register(new AuthDynamicFeature(new BearerAuthFilter(bearerTokens, new ScopeAuthorizer())));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(TokenPrincipal.class));
        jersey.register(new ApiRootResource());
        jersey.register(new UsersResource(services.users(), pagination));
        jersey.register(new GroupsResource(services.groups(), pagination));
        // GET / and GET /users/{id}/ with a good token, answered before Jersey; after the request-id filter.
        environment.servlets().addFilter("api-read-lane", new ApiReadLane(bearerTokens, services.users(),
                        environment.getObjectMapper(), environment.metrics()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    /** Token (RFC 6749), revocation (RFC 7009), introspection (RFC 7662) and metadata (RFC 8414). */
    private static void registerOAuth(JerseyEnvironment jersey, AuthorizationServer oauth) {
        jersey.register(new TokenResource(oauth.tokenEndpoint()));
        jersey.register(new RevokeResource(oauth.clientAuthenticator(), oauth.revocation()));
        jersey.register(new IntrospectResource(oauth.clientAuthenticator(), oauth.accessTokenValidator(),
                oauth.introspection()));
        jersey.register(new MetadataResource(oauth.issuer(), oauth.metadata()));
    }

    /** The token endpoint's common case, answered before Jersey (TokenFastLane); after the request-id filter. */
    private static void registerTokenFastLane(Environment environment, TollgateConfiguration configuration,
                                              AuthorizationServer oauth) {
        TokenFastLane lane = new TokenFastLane(oauth.tokenEndpoint(),
                new ClientAddresses(configuration.getThrottle().trustedProxyList()), environment.getObjectMapper(),
                configuration.getMaxRequestBodySize().toBytes(), environment.metrics());
        environment.servlets().addFilter("token-fast-lane", lane)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/o/token", "/o/token/");
    }

    /**
     * Sign-in, the application pages, the authorization endpoint with consent, authorized tokens, and OpenID
     * Connect's end-session endpoint.
     */
    private static void registerPages(JerseyEnvironment jersey, TollgateConfiguration configuration,
                                      TollgateServices services) {
        AuthorizationServer oauth = services.oauth();
        Cookies cookies = new Cookies(configuration.getSessions().getCookieName(),
                configuration.getSessions().getCsrfCookieName());
        jersey.register(new PageFilter(services.sessions(), oauth.generator(), cookies));
        jersey.register(new StaticResource());
        jersey.register(new LoginResource(services.users(), services.sessions(), cookies, oauth.generator(),
                oauth.ports().clients()));
        jersey.register(new ApplicationsResource(oauth.ports().clients(), oauth.registrations(),
                oauth.settings().scopes(), oauth.grants().labels(), oauth.accessTokenFormatNames()));
        jersey.register(new AuthorizeResource(oauth.authorizationRequests(), oauth.consent(), oauth.codes(),
                oauth.settings().scopes(), oauth.issuer(), services.oidc().authorization()));
        jersey.register(new AuthorizedTokensResource(oauth.userAuthorizations()));
        jersey.register(new EndSessionResource(services.oidc().endSession(oauth), services.sessions(), cookies));
    }
}
