package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.device.DeviceCode;
import io.tollgate.oauth.device.DeviceCodeStatus;
import io.tollgate.oauth.device.DeviceCodeStore;
import io.tollgate.oauth.device.DeviceCodeStoreContract;
import io.tollgate.oauth.device.DeviceFlow;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

class JdbiDeviceCodeStoreTest {
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase extends DeviceCodeStoreContract {
        private final JdbiFixture fixture = new JdbiFixture(database());
        private final JdbiDeviceCodeStore store = new JdbiDeviceCodeStore(fixture.jdbi);

        abstract TestDatabase database();

        @Override
        protected DeviceCodeStore store() {
            return store;
        }

        @Override
        protected long clientDbId() {
            return fixture.client.id();
        }

        @Override
        protected long userId() {
            return fixture.userId;
        }

        @AfterAll
        void dropDatabase() {
            fixture.database.drop();
        }

        @Test
        void deletingTheClientDeletesItsDeviceCodes() {
            String unique = UUID.randomUUID().toString();
            JdbiClientStore clients = new JdbiClientStore(fixture.jdbi);
            Client other = clients.insert(JdbiFixture.client("other-" + unique, fixture.userId));
            DeviceCode code = new DeviceCode(0, "d-" + unique, "u-" + unique, other.id(), ScopeSet.of("read"),
                    DeviceCodeStatus.PENDING, null, Duration.ofSeconds(5), null, 0, NOW, NOW.plusSeconds(600));
            assertThat(store.insert(code)).isTrue();
            assertThat(clients.delete(other.id())).isTrue();
            assertThat(store.findByDeviceCode(code.deviceCodeHash())).isEmpty();
        }

        @Test
        void thePurgeDeletesExpiredAndRedeemedDeviceCodesOnly() {
            DeviceCode expired = pending();
            DeviceCode redeemed = pending();
            store.decide(redeemed.id(), DeviceCodeStatus.APPROVED, fixture.userId, NOW);
            store.consume(redeemed.id(), NOW);
            DeviceCode live = pending();
            // Ten minutes of life, seven days of retention: both old rows are past the cutoff, the live one is not.
            Instant cutoff = NOW.plusSeconds(601);
            fixture.jdbi.useHandle(handle -> handle.createUpdate("UPDATE oauth_device_code SET expires = :later "
                    + "WHERE id IN (:redeemed, :live)").bind("later", NOW.plusSeconds(3600))
                    .bind("redeemed", redeemed.id()).bind("live", live.id()).execute());

            int deleted = JdbiDeviceCodeStore.cleanup(fixture.jdbi).deleteBatch(DeviceFlow.DEVICE_CODES, cutoff, 100);

            assertThat(deleted).isGreaterThanOrEqualTo(2);
            assertThat(store.findByDeviceCode(expired.deviceCodeHash())).isEmpty();
            assertThat(store.findByDeviceCode(redeemed.deviceCodeHash())).isEmpty();
            assertThat(store.findByDeviceCode(live.deviceCodeHash())).isPresent();
        }
    }

    @Nested
    class H2 extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.h2("devicestore");
        }
    }

    @Nested
    @ExtendWith(RequiresPostgres.class)
    class Postgres extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres("devicestore");
        }
    }
}
