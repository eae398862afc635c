package io.tollgate.ops.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import io.tollgate.TollgateConfiguration;
import io.tollgate.ops.PendingMigrations;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The database as a command sees it: connected, checked to be migrated, closed at the end. */
public record CliDatabase(ManagedDataSource dataSource, Jdbi jdbi) implements AutoCloseable {
    public static CliDatabase open(TollgateConfiguration configuration) throws Exception {
        ManagedDataSource dataSource = configuration.getDatabase().build(new MetricRegistry(), "cli");
        try {
            new PendingMigrations(dataSource).requireNone();
        } catch (Exception e) {
            dataSource.stop();
            throw e;
        }
        return new CliDatabase(dataSource, Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
    }

    @Override
    public void close() throws Exception {
        dataSource.stop();
    }
}
