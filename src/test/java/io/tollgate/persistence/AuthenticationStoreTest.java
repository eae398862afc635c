package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.oidc.Authentication;
import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** OpenID Connect sign-in facts in the database: exact round trip, and a purge that spares live families. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
@ExtendWith(RequiresPostgres.class)
class AuthenticationStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

    TestDatabase newDatabase() {
        return TestDatabase.of(kind, "oidcauth");
    }

    private JdbiFixture fixture;
    private JdbiAuthenticationStore store;

    @BeforeEach
    void setUp() {
        fixture = new JdbiFixture(newDatabase());
        store = new JdbiAuthenticationStore(fixture.jdbi);
    }

    @Test
    void keepsTheSignInFactsOfAFamilyExactly() {
        Authentication facts = new Authentication(UUID.randomUUID().toString(), T0, "sid-1", "nonce \u00e9\u00e8 \u6f22");
        store.save(facts, T0);
        assertThat(store.find(facts.familyId())).contains(facts);
        Authentication bare = new Authentication(UUID.randomUUID().toString(), T0, null, null);
        store.save(bare, T0);
        assertThat(store.find(bare.familyId())).contains(bare);
        assertThat(store.find("no-such-family")).isEmpty();
    }

    @Test
    void thePurgeRemovesOnlyOldRowsWhoseFamilyHasNothingLeft() {
        String live = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        store.save(new Authentication(live, T0, null, null), T0);
        store.save(new Authentication(gone, T0, null, null), T0);
        store.save(new Authentication(recent, T0, null, null), T0.plusSeconds(7200));
        new JdbiAuthorizationCodeStore(fixture.jdbi).save(new AuthorizationCode("ab".repeat(32), fixture.client.id(),
                fixture.userId, "https://app.example/cb", ScopeSet.of("openid"), null, null, T0, T0.plusSeconds(60), live));

        assertThat(store.deleteStoredBefore(T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(store.find(gone)).isEmpty();
        assertThat(store.find(live)).isPresent();
        assertThat(store.find(recent)).isPresent();
    }
}
