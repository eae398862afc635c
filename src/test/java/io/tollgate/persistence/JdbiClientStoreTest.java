package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.DuplicateClientIdException;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

class JdbiClientStoreTest {
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase {
        private final JdbiFixture fixture = new JdbiFixture(database());
        private final JdbiClientStore store = new JdbiClientStore(fixture.jdbi);

        abstract TestDatabase database();

        @AfterAll
        void dropDatabase() {
            fixture.database.drop();
        }

        @Test
        void roundTripsEveryField() {
            Instant now = Instant.parse("2025-02-03T04:05:06Z");
            Client stored = store.insert(new Client(0, "rt-" + UUID.randomUUID(), null, "Public app", fixture.userId,
                    ClientType.PUBLIC, Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                    List.of("https://a.example/cb", "http://127.0.0.1:9000/cb"), ScopeSet.of("read", "groups"), true,
                    now, now));
            Client read = store.findByClientId(stored.clientId()).orElseThrow();
            assertThat(read).isEqualTo(stored);
            assertThat(read.id()).isPositive();
            assertThat(store.findById(read.id())).contains(read);
        }

        @Test
        void aTakenClientIdIsRefused() {
            String clientId = "dup-" + UUID.randomUUID();
            store.insert(JdbiFixture.client(clientId, null));
            assertThatThrownBy(() -> store.insert(JdbiFixture.client(clientId, null)))
                    .isInstanceOf(DuplicateClientIdException.class);
        }

        @Test
        void listsByOwnerAndUpdates() {
            long owner = fixture.insertUser("lister-" + UUID.randomUUID().toString().substring(0, 8));
            Client first = store.insert(JdbiFixture.client("l1-" + UUID.randomUUID(), owner));
            store.insert(JdbiFixture.client("l2-" + UUID.randomUUID(), owner));
            assertThat(store.listByOwner(owner)).hasSize(2).first().isEqualTo(first);
            assertThat(store.listByOwner(null).size()).isGreaterThanOrEqualTo(3);
            Client renamed = new Client(first.id(), first.clientId(), null, "Renamed", owner, ClientType.PUBLIC,
                    first.grantTypes(), first.redirectUris(), null, true, first.created(), first.updated());
            assertThat(store.update(renamed)).isTrue();
            assertThat(store.findById(first.id())).contains(renamed);
        }

        @Test
        void deletingAClientDeletesItsTokens() {
            Client doomed = store.insert(JdbiFixture.client("del-" + UUID.randomUUID(), fixture.userId));
            Instant now = Instant.parse("2025-01-01T00:00:00Z");
            new JdbiTokenStore(fixture.jdbi).save(new NewAccessToken("h" + UUID.randomUUID(), doomed.id(),
                    doomed.clientId(), fixture.userId, ScopeSet.of("read"), now, now.plusSeconds(5), "f"), null);
            long tokensBefore = fixture.count("oauth_access_token");
            assertThat(store.delete(doomed.id())).isTrue();
            assertThat(store.findById(doomed.id())).isEmpty();
            assertThat(fixture.count("oauth_access_token")).isEqualTo(tokensBefore - 1);
            assertThat(store.delete(doomed.id())).isFalse();
        }
    }

    @Nested
    class H2 extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.h2("clientstore");
        }
    }

    @Nested
    @ExtendWith(RequiresPostgres.class)
    class Postgres extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres("clientstore");
        }
    }
}
