package io.tollgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import io.tollgate.TollgateConfiguration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database time-outs reach each driver in its own terms, and config.yml ships bounded defaults. */
class DatabaseTimeoutsTest {
    private final ConfigurationFactory<TollgateConfiguration> factory = new DefaultConfigurationFactoryFactory<TollgateConfiguration>()
            .create(TollgateConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    @Test
    void postgresGetsConnectLoginSocketAndStatementTimeouts() {
        TimeBoundDataSourceFactory database = new TimeBoundDataSourceFactory();
        database.setConnectTimeout(Duration.milliseconds(1500));
        database.setSocketTimeout(Duration.seconds(4));
        database.setStatementTimeout(Duration.seconds(3));
        database.setProperties(Map.of("options", "-c search_path=tollgate"));

        Map<String, String> properties = database.driverProperties("jdbc:postgresql://db:5432/tollgate");

        assertThat(properties).containsEntry("connectTimeout", "2").containsEntry("loginTimeout", "2")
                .containsEntry("socketTimeout", "4")
                .containsEntry("options", "-c search_path=tollgate -c statement_timeout=3000");
    }

    @Test
    void h2GetsAQueryTimeoutAndNothingItWouldRefuse() {
        assertThat(new TimeBoundDataSourceFactory().driverProperties("jdbc:h2:mem:x"))
                .isEqualTo(Map.of("QUERY_TIMEOUT", "2000"));
    }

    @Test
    void migrationsKeepOnlyTheConnectBound() {
        TimeBoundDataSourceFactory database = new TimeBoundDataSourceFactory().forMigrations();
        assertThat(database.driverProperties("jdbc:postgresql://db/tollgate"))
                .containsOnlyKeys("connectTimeout");
        assertThat(database.driverProperties("jdbc:h2:mem:x")).isEmpty();
    }

    @Test
    void theShippedConfigBoundsEveryWait() throws Exception {
        TimeBoundDataSourceFactory database = factory.build(new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)), "config.yml")
                .getDatabase();
        assertThat(database.getMaxWaitForConnection().toSeconds()).isBetween(1L, 5L);
        assertThat(database.getConnectTimeout().toSeconds()).isBetween(1L, 5L);
        assertThat(database.getSocketTimeout().toSeconds()).isBetween(1L, 10L);
        assertThat(database.getStatementTimeout().toSeconds()).isBetween(1L, 10L);
        assertThat(database.getValidationQueryTimeout()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(1));
    }

    @Test
    void aSocketTimeoutShorterThanTheStatementTimeoutIsRefused() throws Exception {
        Path file = Files.createTempFile("tollgate", ".yml");
        Files.writeString(file, "database:\n  url: jdbc:h2:mem:x\n  socketTimeout: 2s\n  statementTimeout: 5s\n");
        assertThatThrownBy(() -> factory.build(new File(file.toString())))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("socketTimeout must be longer than statementTimeout");
    }
}
