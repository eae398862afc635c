package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.tollgate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class PendingMigrationsTest {
    @Test
    void leavesPooledConnectionsAutoCommittingSoLaterWritesAreCommitted() throws Exception {
        TestDatabase database = TestDatabase.h2("pending");
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl(database.url());
        factory.setUser(database.user());
        factory.setPassword(database.password());
        factory.setInitialSize(1);
        factory.setMinSize(1);
        factory.setMaxSize(1);
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "pending");
        try {
            assertThat(new PendingMigrations(dataSource).list()).isEmpty();
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getAutoCommit()).isTrue();
            }
            Jdbi.create(dataSource).useTransaction(h -> h.execute("INSERT INTO auth_group (name) VALUES ('seen')"));
        } finally {
            dataSource.stop();
        }
        try (Connection other = database.connect(); Statement statement = other.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM auth_group WHERE name = 'seen'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }
}
