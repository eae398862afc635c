package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.AuthorizationCodeStore;
import io.tollgate.oauth.store.AuthorizationCodeStoreContract;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import io.tollgate.testing.Together;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

class JdbiAuthorizationCodeStoreTest {
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase extends AuthorizationCodeStoreContract {
        private final JdbiFixture fixture = new JdbiFixture(database());
        private final JdbiAuthorizationCodeStore store = new JdbiAuthorizationCodeStore(fixture.jdbi);

        abstract TestDatabase database();

        @Override
        protected AuthorizationCodeStore store() {
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
        void concurrentRedemptionsOfOneCodeLetExactlyOneWin() throws Exception {
            Instant now = Instant.parse("2025-01-01T00:00:00Z");
            AuthorizationCode code = new AuthorizationCode("c" + UUID.randomUUID(), fixture.client.id(),
                    fixture.userId, "https://app.example/cb", ScopeSet.of("read"), null, null, now,
                    now.plusSeconds(60), "family");
            store.save(code);
            assertThat(Together.winners(12, () -> store.consume(code.codeHash(), now).isPresent())).isEqualTo(1);
        }
    }

    @Nested
    class H2 extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.h2("codestore");
        }
    }

    @Nested
    @ExtendWith(RequiresPostgres.class)
    class Postgres extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres("codestore");
        }
    }
}
