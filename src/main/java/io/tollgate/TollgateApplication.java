package io.tollgate;

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
import io.tollgate.ops.PendingMigrations;
import io.tollgate.ops.PrometheusEndpoint;
import io.tollgate.web.api.ApiRootResource;
import io.tollgate.web.errors.ConstraintViolationExceptionMapper;
import io.tollgate.web.errors.JsonErrorHandler;
import io.tollgate.web.errors.JsonProcessingExceptionMapper;
import io.tollgate.web.errors.RequestBodyLimitFilter;
import io.tollgate.web.errors.UnexpectedExceptionMapper;
import io.tollgate.web.errors.WebApplicationExceptionMapper;
import io.tollgate.config.SessionSettings;
import io.tollgate.oauth.authorize.AuthorizationCodeIssuer;
import io.tollgate.oauth.authorize.AuthorizationRequestValidator;
import io.tollgate.oauth.authorize.AuthorizeSettings;
import io.tollgate.oauth.authorize.ConsentPolicy;
import io.tollgate.oauth.client.ClientRegistrations;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.persistence.JdbiAuthorizationCodeStore;
import io.tollgate.persistence.JdbiAuthorizedTokens;
import io.tollgate.persistence.JdbiClientStore;
import io.tollgate.persistence.JdbiConsentStore;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiSessionStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserService;
import io.tollgate.web.ui.ApplicationsResource;
import io.tollgate.web.ui.AuthorizeResource;
import io.tollgate.web.ui.AuthorizedTokensResource;
import io.tollgate.web.ui.Cookies;
import io.tollgate.web.ui.LoginResource;
import io.tollgate.web.ui.PageFilter;
import io.tollgate.web.ui.StaticResource;
import io.tollgate.web.ui.session.SessionManager;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

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
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(TollgateConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
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
        environment.healthChecks().register("migrations", new MigrationsHealthCheck(pendingMigrations));
        PrometheusEndpoint.register(environment.metrics(), environment.admin());
        registerBrowserPages(configuration, environment, jdbi);
    }

    /** Sign-in, application pages, the authorization endpoint with consent, and authorized tokens. */
    private void registerBrowserPages(TollgateConfiguration configuration, Environment environment, Jdbi jdbi) {
        TokenGenerator generator = new TokenGenerator();
        ScopeRegistry scopes = configuration.getOauth().scopeRegistry();
        ClientStore clients = new JdbiClientStore(jdbi);
        UserService users = new UserService(new JdbiUserStore(jdbi), new JdbiGroupStore(jdbi),
                new PasswordHasher(configuration.getPasswords().getIterations()), clock);
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
        environment.jersey().register(new AuthorizedTokensResource(new JdbiAuthorizedTokens(jdbi), clock));
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
