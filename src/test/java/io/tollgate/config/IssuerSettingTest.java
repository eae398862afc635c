package io.tollgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.tollgate.TollgateConfiguration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** oauth.issuer (OAUTH_ISSUER): an RFC 8414 issuer, with or without a path, or the start fails naming it. */
class IssuerSettingTest {
    private final ConfigurationFactory<TollgateConfiguration> factory =
            new DefaultConfigurationFactoryFactory<TollgateConfiguration>()
                    .create(TollgateConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    @Test
    void issuersWithAndWithoutAPathAreAccepted() throws Exception {
        for (String issuer : new String[] {"", "https://auth.example.com", "https://auth.example.com/o",
                "http://127.0.0.1:8000/o/", "HTTPS://Auth.Example.com:8443/tenants/a"}) {
            assertThat(build(issuer).getOauth().getIssuer()).isEqualTo(issuer);
        }
    }

    @Test
    void somethingThatIsNotAnIssuerFailsAtStart() {
        for (String issuer : new String[] {"auth.example.com", "ftp://auth.example.com", "https://auth.example.com/?x=1",
                "https://auth.example.com/o#top", "https:///o", "https://user@auth.example.com", "https://a b.example"}) {
            assertThatThrownBy(() -> build(issuer)).as(issuer).isInstanceOf(ConfigurationValidationException.class)
                    .hasMessageContaining("issuer must be an absolute http(s) URL");
        }
    }

    private TollgateConfiguration build(String issuer) throws Exception {
        Path file = Files.createTempFile("tollgate", ".yml");
        Files.writeString(file, "database:\n  url: jdbc:h2:mem:x\noauth:\n  issuer: \"" + issuer + "\"\n");
        return factory.build(new File(file.toString()));
    }
}
