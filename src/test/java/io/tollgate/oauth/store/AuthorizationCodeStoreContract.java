package io.tollgate.oauth.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The semantics every {@link AuthorizationCodeStore} must have; Jdbi tests extend it. */
public abstract class AuthorizationCodeStoreContract {

    protected static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    protected abstract AuthorizationCodeStore store();

    protected long clientDbId() {
        return 1L;
    }

    protected long userId() {
        return 1L;
    }

    private AuthorizationCode code() {
        return new AuthorizationCode("c-" + UUID.randomUUID(), clientDbId(), userId(), "https://app.example/cb",
                ScopeSet.of("read"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256", NOW,
                NOW.plusSeconds(60), "fam");
    }

    @Test
    void consumeReturnsTheCodeOnceThenFindConsumedSeesIt() {
        AuthorizationCode code = code();
        store().save(code);
        assertThat(store().findConsumed(code.codeHash())).isEmpty();
        assertThat(store().consume(code.codeHash(), NOW)).contains(code);
        assertThat(store().consume(code.codeHash(), NOW)).isEmpty();
        assertThat(store().findConsumed(code.codeHash())).contains(code);
    }

    @Test
    void onlyAConsumedCodeCanBeFlaggedReplayedAndTheFlagStays() {
        AuthorizationCode code = code();
        store().save(code);
        assertThat(store().markReplayed(code.codeHash(), NOW)).isEmpty();
        assertThat(store().isReplayed(code.codeHash())).isFalse();
        store().consume(code.codeHash(), NOW);
        assertThat(store().isReplayed(code.codeHash())).isFalse();
        assertThat(store().markReplayed(code.codeHash(), NOW)).contains(code);
        assertThat(store().markReplayed(code.codeHash(), NOW.plusSeconds(1))).contains(code);
        assertThat(store().isReplayed(code.codeHash())).isTrue();
        assertThat(store().markReplayed("nope", NOW)).isEmpty();
        assertThat(store().isReplayed("nope")).isFalse();
    }

    @Test
    void unknownCode() {
        assertThat(store().consume("nope", NOW)).isEmpty();
        assertThat(store().findConsumed("nope")).isEmpty();
    }

    @Test
    void concurrentConsumeHasOneWinner() throws Exception {
        AuthorizationCode code = code();
        store().save(code);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Boolean> attempt = () -> store().consume(code.codeHash(), NOW).isPresent();
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(8, attempt));
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
