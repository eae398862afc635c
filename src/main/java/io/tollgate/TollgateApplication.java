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
