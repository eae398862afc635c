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
import io.tollgate.ops.ChangePasswordCommand;
import io.tollgate.ops.CreateSuperuserCommand;
import io.tollgate.ops.MigrationsHealthCheck;
import io.tollgate.ops.PendingMigrations;
import io.tollgate.ops.PrometheusEndpoint;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.GroupService;
import io.tollgate.users.GroupStore;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserService;
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
import java.time.Clock;
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
        bootstrap.addCommand(new CreateSuperuserCommand());
        bootstrap.addCommand(new ChangePasswordCommand());
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
        registerUsersApi(configuration, environment, jdbi);
        environment.healthChecks().register("migrations", new MigrationsHealthCheck(pendingMigrations));
        PrometheusEndpoint.register(environment.metrics(), environment.admin());
    }

    /** Users and groups: stores, services, resources and their error mappers. Returns the service for logins. */
    private static UserService registerUsersApi(TollgateConfiguration configuration, Environment environment, Jdbi jdbi) {
        GroupStore groupStore = new JdbiGroupStore(jdbi);
        UserService users = new UserService(new JdbiUserStore(jdbi), groupStore,
                new PasswordHasher(configuration.getPasswords().getIterations()), Clock.systemUTC());
        Pagination pagination = new Pagination(configuration.getApi().getPageSize());
        environment.jersey().register(new RequestDataReader(environment.getObjectMapper()));
        environment.jersey().register(new UsersResource(users, pagination));
        environment.jersey().register(new GroupsResource(new GroupService(groupStore), pagination));
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new NotFoundExceptionMapper());
        environment.jersey().register(new PermissionDeniedExceptionMapper());
        return users;
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
