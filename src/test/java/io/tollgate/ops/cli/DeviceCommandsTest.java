package io.tollgate.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.tollgate.TollgateApplication;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.device.DeviceCode;
import io.tollgate.oauth.device.DeviceCodeStatus;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.persistence.JdbiDeviceCodeStore;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestData;
import io.tollgate.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The device grant in the operator's commands: createapplication names it three ways, cleartokens purges it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceCommandsTest {
    private final TestDatabase database = TestDatabase.h2("devicecommands");
    private Path config;

    @BeforeAll
    void writeConfig(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of(TestApp.CONFIG))
                .replace("url: jdbc:h2:mem:unused", "url: \"" + database.url() + "\"");
        config = Files.writeString(dir.resolve("device.yml"), yaml);
    }

    private record Run(Optional<Throwable> failure, String out, String err) {
    }

    private synchronized Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            TollgateApplication application = new TollgateApplication();
            Bootstrap<TollgateConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Optional<Throwable> failure = new Cli(new JarLocation(getClass()), bootstrap, out, err).run(args);
            return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private JsonNode created(String clientType, String grantTypes) throws IOException {
        Run run = run("createapplication", "--name", "TV " + grantTypes, "--client-type", clientType,
                "--grant-types", grantTypes, config.toString());
        assertThat(run.failure()).as(run.err()).isEmpty();
        return new ObjectMapper().readTree(run.out().substring(run.out().indexOf('{')));
    }

    @Test
    void createapplicationTakesTheShortNameOrTheUrnForPublicAndConfidentialClients() throws IOException {
        String urn = "urn:ietf:params:oauth:grant-type:device_code";
        JsonNode tv = created("public", "device_code");
        assertThat(tv.get("grant_types").toString()).isEqualTo("[\"" + urn + "\"]");
        assertThat(tv.get("client_secret").isNull()).isTrue();
        JsonNode box = created("confidential", urn + ",refresh_token");
        assertThat(box.get("grant_types").toString()).contains(urn, "refresh_token");
        assertThat(box.get("client_secret").asText()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void anUnknownGrantNameIsStillRefused() {
        Run run = run("createapplication", "--name", "TV", "--client-type", "public", "--grant-types", "device",
                config.toString());
        assertThat(run.failure()).isPresent();
        assertThat(run.err()).contains("unknown grant type: device");
    }

    @Test
    void cleartokensPurgesDeviceCodesPastExpiry() {
        TestData data = new TestData(database);
        long appId = data.client("purge-" + UUID.randomUUID(), ClientType.PUBLIC, Set.of(GrantType.DEVICE_CODE),
                List.of(), null).client().id();
        JdbiDeviceCodeStore store = new JdbiDeviceCodeStore(data.jdbi());
        Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS);
        for (int i = 0; i < 3; i++) {
            store.insert(code(appId, longAgo));
        }
        DeviceCode live = code(appId, Instant.now());
        store.insert(live);

        Run run = run("cleartokens", config.toString());

        assertThat(run.failure()).isEmpty();
        assertThat(run.out()).contains("device_codes: 3");
        assertThat(store.findByDeviceCode(live.deviceCodeHash())).isPresent();
    }

    private static DeviceCode code(long appId, Instant created) {
        String unique = UUID.randomUUID().toString();
        return new DeviceCode(0, "d-" + unique, "u-" + unique, appId, ScopeSet.of("read"), DeviceCodeStatus.PENDING,
                null, Duration.ofSeconds(5), null, 0, created, created.plusSeconds(600));
    }
}
