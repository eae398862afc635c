package io.tollgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped config.yml works as it is, and a bad value fails at start naming the field. */
class ConfigurationTest {
    // The same factory the jar uses: strict about unknown keys.
    private final ConfigurationFactory<TollgateConfiguration> factory = new DefaultConfigurationFactoryFactory<TollgateConfiguration>()
            .create(TollgateConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    @Test
    void theShippedConfigWorksWithNoEnvironmentSet() throws Exception {
        TollgateConfiguration configuration = factory.build(new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)), "config.yml");
        assertThat(configuration.getDatabase().getDriverClass()).isIn("org.h2.Driver", "org.postgresql.Driver");
        assertThat(configuration.getPasswords().getIterations()).isGreaterThanOrEqualTo(600_000);
        assertThat(configuration.getOauth().scopeRegistry().defaults().asString()).isEqualTo("read write groups");
        assertThat(configuration.getOauth().tokenSettings().accessTokenLifetime().toSeconds()).isEqualTo(36000);
    }

    @Test
    void aPostgresUrlAloneSwitchesTheDriver() throws Exception {
        Path file = Files.createTempFile("tollgate", ".yml");
        Files.writeString(file, "database:\n  url: jdbc:postgresql://db.example:5432/tollgate\n");
        TollgateConfiguration configuration = factory.build(new File(file.toString()));
        assertThat(configuration.getDatabase().getDriverClass()).isEqualTo("org.postgresql.Driver");
    }

    @Test
    void anInvalidValueNamesTheField() throws Exception {
        Path file = Files.createTempFile("tollgate", ".yml");
        Files.writeString(file, "database:\n  url: jdbc:h2:mem:x\npasswords:\n  iterations: 0\n");
        assertThatThrownBy(() -> factory.build(new File(file.toString())))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("passwords.iterations");
    }

    @Test
    void anUnknownKeyNamesTheKey() throws Exception {
        Path file = Files.createTempFile("tollgate", ".yml");
        Files.writeString(file, "oauth:\n  acessTokenLifetime: 10s\n");
        assertThatThrownBy(() -> factory.build(new File(file.toString())))
                .hasMessageContaining("acessTokenLifetime");
    }
}
