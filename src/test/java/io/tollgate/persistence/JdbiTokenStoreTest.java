package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.store.TokenStoreContract;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import io.tollgate.testing.Together;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.generic.GenericType;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token store contract, plus a real race, on both databases. */
class JdbiTokenStoreTest {
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase extends TokenStoreContract {
        final JdbiFixture fixture = new JdbiFixture(database());
        private final JdbiTokenStore store = new JdbiTokenStore(fixture.jdbi);

        abstract TestDatabase database();

        @Override
        protected TokenStore store() {
            return store;
        }

        @Override
        protected long clientDbId() {
            return fixture.client.id();
        }

        @Override
        protected Long userId() {
            return fixture.userId;
        }

        @AfterAll
        void dropDatabase() {
            fixture.database.drop();
        }

        @Test
        void concurrentRotationsOfOneRefreshTokenLetExactlyOneWin() throws Exception {
            String family = UUID.randomUUID().toString();
            long oldRefresh = store.save(access(family), refresh(family)).refreshTokenId();
            long winners = Together.winners(16,
                    () -> store.rotate(oldRefresh, NOW, access(family), refresh(family)).isPresent());
            assertThat(winners).isEqualTo(1);
            long live = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM oauth_refresh_token WHERE family_id = :f AND revoked IS NULL")
                    .bind("f", family).mapTo(Long.class).one());
            assertThat(live).isEqualTo(1);
        }

        @Test
        void concurrentRotationsOfManyFamiliesEachGetTheirOwnPairAndOneWinnerPerFamily() throws Exception {
            // Two callers per family at once: batches mix winners and losers, and each winner must get its own ids.
            int families = 24;
            List<String> names = IntStream.range(0, families).mapToObj(i -> UUID.randomUUID().toString()).toList();
            List<Long> old = names.stream().map(f -> store.save(access(f), refresh(f)).refreshTokenId()).toList();
            AtomicInteger next = new AtomicInteger();
            List<Optional<Map.Entry<NewAccessToken, IssuedIds>>> outcomes = Together.run(2 * families, () -> {
                int family = next.getAndIncrement() % families;
                NewAccessToken access = access(names.get(family));
                return store.rotate(old.get(family), NOW, access, refresh(names.get(family)))
                        .map(ids -> Map.entry(access, ids));
            });
            List<Map.Entry<NewAccessToken, IssuedIds>> won = outcomes.stream().flatMap(Optional::stream).toList();
            assertThat(won).hasSize(families);
            assertThat(won).allSatisfy(entry -> {
                var stored = store.findAccessToken(entry.getKey().tokenHash()).orElseThrow();
                assertThat(stored.id()).isEqualTo(entry.getValue().accessTokenId());
                assertThat(stored.refreshTokenId()).isEqualTo(entry.getValue().refreshTokenId());
                assertThat(stored.familyId()).isEqualTo(entry.getKey().familyId());
            });
            long liveRefresh = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM oauth_refresh_token WHERE family_id IN (<f>) AND revoked IS NULL")
                    .bindList("f", names).mapTo(Long.class).one());
            long liveAccess = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM oauth_access_token WHERE family_id IN (<f>) AND revoked IS NULL")
                    .bindList("f", names).mapTo(Long.class).one());
            assertThat(liveRefresh).isEqualTo(families);
            assertThat(liveAccess).isEqualTo(families);
        }

        @Test
        void concurrentSealedRotationsKeepTheWinnersSealAndDropTheFamilysOlderOne() throws Exception {
            // Batches that hold the same token twice, each entry with its own seal: the stored seal must be the
            // winner's, or a replay within the grace would hand out a pair that was never stored.
            int families = 16;
            List<String> names = IntStream.range(0, families).mapToObj(i -> UUID.randomUUID().toString()).toList();
            List<Long> first = names.stream().map(f -> store.save(access(f), refresh(f)).refreshTokenId()).toList();
            List<Long> second = IntStream.range(0, families).mapToObj(i -> store.rotate(first.get(i), NOW,
                    access(names.get(i)), refresh(names.get(i)), "seal-0-" + i).orElseThrow().refreshTokenId())
                    .toList();
            AtomicInteger next = new AtomicInteger();
            List<Optional<Map.Entry<Integer, String>>> outcomes = Together.run(2 * families, () -> {
                int call = next.getAndIncrement();
                int family = call % families;
                String seal = "seal-1-" + call;
                NewRefreshToken expiring = new NewRefreshToken("r" + UUID.randomUUID(), fixture.client.id(),
                        fixture.userId, ScopeSet.of("read"), NOW, NOW.plusSeconds(3600), names.get(family));
                return store.rotate(second.get(family), NOW.plusSeconds(1), access(names.get(family)), expiring, seal)
                        .map(ids -> Map.entry(family, seal));
            });
            assertThat(outcomes.stream().flatMap(Optional::stream).map(Map.Entry::getKey).toList())
                    .as("one winner a family").hasSize(families).doesNotHaveDuplicates();
            Map<Integer, String> winners = outcomes.stream().flatMap(Optional::stream)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            for (int i = 0; i < families; i++) {
                assertThat(store.findSealedSuccessor(first.get(i))).as("family %d's older seal", i).isEmpty();
                assertThat(store.findSealedSuccessor(second.get(i))).as("family %d's seal", i).get()
                        .satisfies(sealed -> assertThat(sealed.rotated()).isEqualTo(NOW.plusSeconds(1)))
                        .extracting(sealed -> sealed.sealed()).isEqualTo(winners.get(i));
            }
            long expiringLive = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM oauth_refresh_token WHERE family_id IN (<f>) AND revoked IS NULL "
                                    + "AND expires = :expires")
                    .bindList("f", names).bind("expires", NOW.plusSeconds(3600)).mapTo(Long.class).one());
            assertThat(expiringLive).isEqualTo(families);
        }

        @Test
        void aRotationThatCannotBeWrittenFailsOnlyItself() throws Exception {
            // One caller brings a refresh token hash already stored: its batch is undone and rewritten one by one.
            int families = 12;
            List<String> names = IntStream.range(0, families).mapToObj(i -> UUID.randomUUID().toString()).toList();
            List<Long> old = names.stream().map(f -> store.save(access(f), refresh(f)).refreshTokenId()).toList();
            NewRefreshToken taken = refresh(names.get(0));
            store.save(access(names.get(0)), taken);
            AtomicInteger next = new AtomicInteger();
            List<String> outcomes = Together.run(families, () -> {
                int family = next.getAndIncrement();
                NewRefreshToken successor = family == 5
                        ? new NewRefreshToken(taken.tokenHash(), taken.clientDbId(), taken.userId(), taken.scope(),
                                NOW, null, names.get(5))
                        : refresh(names.get(family));
                try {
                    return store.rotate(old.get(family), NOW, access(names.get(family)), successor).isPresent()
                            ? "rotated" : "lost";
                } catch (RuntimeException e) {
                    return "failed " + family;
                }
            });
            assertThat(outcomes).containsOnlyOnce("failed 5").filteredOn("rotated"::equals).hasSize(families - 1);
            long liveOld = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM oauth_refresh_token WHERE id = :id AND revoked IS NULL")
                    .bind("id", old.get(5)).mapTo(Long.class).one());
            assertThat(liveOld).as("the failed rotation left its old token live").isEqualTo(1);
        }

        @Test
        void concurrentLoneAccessTokensAreEachStoredWithTheirOwnId() throws Exception {
            String family = UUID.randomUUID().toString();
            List<NewAccessToken> tokens = IntStream.range(0, 64).mapToObj(i -> access(family)).toList();
            AtomicInteger next = new AtomicInteger();
            List<Map.Entry<String, Long>> saved = Together.run(tokens.size(), () -> {
                NewAccessToken token = tokens.get(next.getAndIncrement());
                return Map.entry(token.tokenHash(), store.save(token, null).accessTokenId());
            });
            Map<String, Long> stored = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT token_hash, id FROM oauth_access_token WHERE family_id = :f")
                    .bind("f", family)
                    .setMapKeyColumn("token_hash").setMapValueColumn("id")
                    .collectInto(new GenericType<Map<String, Long>>() { }));
            assertThat(stored).hasSize(tokens.size());
            assertThat(saved).allSatisfy(entry -> assertThat(stored).containsEntry(entry.getKey(), entry.getValue()));
            assertThat(store.findAccessToken(tokens.get(7).tokenHash())).get()
                    .satisfies(token -> {
                        assertThat(token.scope()).isEqualTo(ScopeSet.of("read"));
                        assertThat(token.userId()).isEqualTo(fixture.userId);
                        assertThat(token.expires()).isEqualTo(NOW.plusSeconds(60));
                        assertThat(token.refreshTokenId()).isNull();
                    });
        }

        @Test
        void tokensAreStoredOnlyByTheHashGiven() {
            String family = UUID.randomUUID().toString();
            NewAccessToken access = access(family);
            store.save(access, refresh(family));
            Optional<String> stored = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT token_hash FROM oauth_access_token WHERE family_id = :f")
                    .bind("f", family).mapTo(String.class).findOne());
            assertThat(stored).contains(access.tokenHash());
        }

        private NewAccessToken access(String family) {
            return new NewAccessToken("a" + UUID.randomUUID(), fixture.client.id(), fixture.client.clientId(),
                    fixture.userId, ScopeSet.of("read"), NOW, NOW.plusSeconds(60), family);
        }

        private NewRefreshToken refresh(String family) {
            return new NewRefreshToken("r" + UUID.randomUUID(), fixture.client.id(), fixture.userId,
                    ScopeSet.of("read"), NOW, null, family);
        }
    }

    @Nested
    class H2 extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.h2("tokenstore");
        }
    }

    @Nested
    @ExtendWith(RequiresPostgres.class)
    class Postgres extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres("tokenstore");
        }

        @Test
        void revocationChangesNoIndexedColumnSoItCanBeAHeapOnlyUpdate() {
            List<String> covering = fixture.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT indexname FROM pg_indexes WHERE tablename IN ('oauth_access_token', "
                                    + "'oauth_refresh_token') AND indexdef LIKE '%revoked%'")
                    .mapTo(String.class).list());
            assertThat(covering).isEmpty();
        }
    }

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
}
