package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.keys.KeyState;
import io.tollgate.oauth.keys.Rotation;
import io.tollgate.oauth.keys.SealedSigningKey;
import io.tollgate.oauth.keys.SigningAlgorithm;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import io.tollgate.testing.Together;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The Jdbi signing-key store against real migrations: one current, one next, one winner per race. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
@ExtendWith(RequiresPostgres.class)
class SigningKeyStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

    TestDatabase newDatabase() {
        return TestDatabase.of(kind, "signingkeys");
    }

    private JdbiSigningKeyStore store;

    @BeforeEach
    void setUp() {
        TestDatabase database = newDatabase();
        store = new JdbiSigningKeyStore(Jdbi.create(database.url(), database.user(), database.password())
                .installPlugin(new SqlObjectPlugin()));
    }

    private static SealedSigningKey key(KeyState state, Instant at) {
        String kid = UUID.randomUUID().toString();
        return new SealedSigningKey(kid, SigningAlgorithm.RS256, state, "{\"kid\":\"" + kid + "\"}", "sealed-" + kid,
                at, state == KeyState.CURRENT ? at : null, null, null);
    }

    @Test
    void storesAndReadsBackTheFirstKeysExactly() {
        SealedSigningKey current = key(KeyState.CURRENT, T0);
        SealedSigningKey next = key(KeyState.NEXT, T0);
        assertThat(store.createInitial(current, next)).isTrue();
        assertThat(store.all()).containsExactlyInAnyOrder(current, next);
        assertThat(store.createInitial(key(KeyState.CURRENT, T0), key(KeyState.NEXT, T0))).isFalse();
        assertThat(store.all()).containsExactlyInAnyOrder(current, next);
    }

    @Test
    void nodesStartingTogetherCreateOneCurrentKey() throws Exception {
        List<Boolean> created = Together.run(6, () -> store.createInitial(key(KeyState.CURRENT, T0), key(KeyState.NEXT, T0)));
        assertThat(created).containsOnlyOnce(true);
        assertThat(store.all()).hasSize(2).extracting(SealedSigningKey::state)
                .containsExactlyInAnyOrder(KeyState.CURRENT, KeyState.NEXT);
    }

    @Test
    void rotationRetiresPromotesPublishesAndLaterDeletes() {
        SealedSigningKey first = key(KeyState.CURRENT, T0);
        SealedSigningKey second = key(KeyState.NEXT, T0);
        store.createInitial(first, second);
        Instant at = T0.plusSeconds(3600);
        SealedSigningKey third = key(KeyState.NEXT, at);

        assertThat(store.rotate(new Rotation(first.kid(), at, at.plusSeconds(100), second.kid(), null, third))).isTrue();

        assertThat(store.all()).extracting(SealedSigningKey::kid, SealedSigningKey::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(first.kid(), KeyState.RETIRED),
                org.assertj.core.groups.Tuple.tuple(second.kid(), KeyState.CURRENT),
                org.assertj.core.groups.Tuple.tuple(third.kid(), KeyState.NEXT));
        SealedSigningKey retired = store.all().stream().filter(k -> k.kid().equals(first.kid())).findFirst().orElseThrow();
        assertThat(retired.retired()).isEqualTo(at);
        assertThat(retired.verifyUntil()).isEqualTo(at.plusSeconds(100));

        // A stale rotation (first is no longer current) changes nothing.
        assertThat(store.rotate(new Rotation(first.kid(), at, at, second.kid(), null, key(KeyState.NEXT, at)))).isFalse();
        assertThat(store.all()).hasSize(3);

        // The next rotation, past the retired key's last token, deletes it; a fresh current replaces an unfit next.
        Instant later = at.plusSeconds(100);
        SealedSigningKey fresh = key(KeyState.CURRENT, later);
        SealedSigningKey fourth = key(KeyState.NEXT, later);
        assertThat(store.rotate(new Rotation(second.kid(), later, later.plusSeconds(100), null, fresh, fourth))).isTrue();
        assertThat(store.all()).extracting(SealedSigningKey::kid)
                .containsExactlyInAnyOrder(second.kid(), fresh.kid(), fourth.kid());
    }

    @Test
    void concurrentRotationsHaveOneWinner() throws Exception {
        SealedSigningKey first = key(KeyState.CURRENT, T0);
        SealedSigningKey second = key(KeyState.NEXT, T0);
        store.createInitial(first, second);
        List<Boolean> rotated = Together.run(6, () -> store.rotate(new Rotation(first.kid(), T0.plusSeconds(60),
                T0.plusSeconds(120), second.kid(), null, key(KeyState.NEXT, T0.plusSeconds(60)))));
        assertThat(rotated).containsOnlyOnce(true);
        assertThat(store.all()).hasSize(3).filteredOn(k -> k.state() == KeyState.CURRENT).hasSize(1);
    }
}
