package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientSettings;
import io.tollgate.oauth.model.ClientTokenSettings;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client's own policy (migration 005) survives the database; unset values stay the server's. */
class JdbiClientSettingsTest {
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase {
        private static final Instant NOW = Instant.parse("2025-02-03T04:05:06Z");
        private final JdbiFixture fixture = new JdbiFixture(database());
        private final JdbiClientStore store = new JdbiClientStore(fixture.jdbi);

        abstract TestDatabase database();

        @AfterAll
        void dropDatabase() {
            fixture.database.drop();
        }

        private Client confidential(ClientSettings settings, ClientTokenSettings tokens) {
            return new Client(0, "cs-" + UUID.randomUUID(), "ab".repeat(32), "Service", null, ClientType.CONFIDENTIAL,
                    Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.of("urn:example:grant")), List.of(), null, settings,
                    tokens, NOW, NOW);
        }

        @Test
        void ownPolicyRoundTrips() {
            Client stored = store.insert(confidential(new ClientSettings(true, false),
                    new ClientTokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), "jwt")));
            Client read = store.findByClientId(stored.clientId()).orElseThrow();
            assertThat(read).isEqualTo(stored);
            assertThat(read.settings()).isEqualTo(new ClientSettings(true, false));
            assertThat(read.tokenSettings()).isEqualTo(
                    new ClientTokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), "jwt"));
            assertThat(read.grantTypes()).contains(GrantType.of("urn:example:grant"));
        }

        @Test
        void postLogoutRedirectUrisRoundTripAndUpdate() {
            Client stored = store.insert(confidential(null, null).withId(0));
            assertThat(store.findById(stored.id()).orElseThrow().postLogoutRedirectUris()).isEmpty();
            Client changed = new Client(stored.id(), stored.clientId(), stored.secretHash(), stored.name(), null,
                    stored.type(), stored.grantTypes(), List.of(), null, stored.settings(), stored.tokenSettings(),
                    NOW, NOW, List.of("https://rp.example/bye", "http://127.0.0.1:9/bye?x=1"));
            assertThat(store.update(changed)).isTrue();
            Client read = store.findByClientId(stored.clientId()).orElseThrow();
            assertThat(read.postLogoutRedirectUris()).containsExactly("https://rp.example/bye",
                    "http://127.0.0.1:9/bye?x=1");
            assertThat(read.allowsPostLogoutRedirectUri("https://rp.example/bye")).isTrue();
            assertThat(read.allowsPostLogoutRedirectUri("https://rp.example/bye/")).isFalse();
        }

        @Test
        void unsetPolicyReadsBackAsTheServersAndAnUpdateChangesIt() {
            Client stored = store.insert(confidential(null, null));
            Client read = store.findById(stored.id()).orElseThrow();
            assertThat(read.tokenSettings()).isEqualTo(ClientTokenSettings.serverDefaults());
            assertThat(read.settings()).isEqualTo(new ClientSettings(false, true));
            Client changed = new Client(read.id(), read.clientId(), read.secretHash(), read.name(), null, read.type(),
                    read.grantTypes(), read.redirectUris(), null, new ClientSettings(true, true),
                    new ClientTokenSettings(Duration.ofSeconds(90), null, null), NOW, NOW.plusSeconds(1));
            assertThat(store.update(changed)).isTrue();
            assertThat(store.findById(read.id())).contains(changed);
        }
    }

    @Nested
    class H2 extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.h2("clientsettings");
        }
    }

    @Nested
    @ExtendWith(RequiresPostgres.class)
    class Postgres extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres("clientsettings");
        }
    }
}
