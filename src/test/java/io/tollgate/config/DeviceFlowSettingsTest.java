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
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.device.DeviceSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The device: section of the configuration: shipped defaults, and limits that fail at start. */
class DeviceFlowSettingsTest {
    private final ConfigurationFactory<TollgateConfiguration> factory =
            new DefaultConfigurationFactoryFactory<TollgateConfiguration>()
                    .create(TollgateConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    @Test
    void theShippedConfigHasTheDefaults() throws Exception {
        TollgateConfiguration configuration = factory.build(new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)), "config.yml");
        assertThat(configuration.getDevice().settings()).isEqualTo(DeviceSettings.defaults());
    }

    @Test
    void aConfigWithoutTheSectionGetsTheDefaultsToo() throws Exception {
        assertThat(build("database:\n  url: jdbc:h2:mem:x\n").getDevice().settings())
                .isEqualTo(DeviceSettings.defaults());
    }

    @Test
    void valuesAreRead() throws Exception {
        DeviceSettings settings = build("database:\n  url: jdbc:h2:mem:x\n"
                + "device:\n  codeLifetime: 5m\n  interval: 10s\n  maxFailuresPerUser: 3\n").getDevice().settings();
        assertThat(settings.codeLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxFailuresPerUser()).isEqualTo(3);
    }

    @Test
    void aCodeThatLivesTooLongOrLimitsOfZeroFailAtStartNamingTheField() throws Exception {
        assertThatThrownBy(() -> build("device:\n  codeLifetime: 2h\n"))
                .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("device.codeLifetime");
        assertThatThrownBy(() -> build("device:\n  maxFailuresPerSession: 0\n"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("device.maxFailuresPerSession");
        assertThatThrownBy(() -> build("device:\n  interval: 0s\n"))
                .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("device.interval");
    }

    private TollgateConfiguration build(String yaml) throws Exception {
        Path file = Files.createTempFile("tollgate", ".yml");
        Files.writeString(file, yaml);
        return factory.build(new File(file.toString()));
    }
}
