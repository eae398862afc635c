package io.tollgate.oauth.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.testing.Together;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The semantics every {@link DeviceCodeStore} must have; the Jdbi tests extend it. */
public abstract class DeviceCodeStoreContract {

    protected static final Instant NOW = Instant.parse("2025-01-01T00:00:00.123456Z");

    protected abstract DeviceCodeStore store();

    protected long clientDbId() {
        return 1L;
    }

    protected long userId() {
        return 1L;
    }

    protected DeviceCode pending() {
        String unique = UUID.randomUUID().toString();
        DeviceCode code = new DeviceCode(0, "d-" + unique, "u-" + unique, clientDbId(), ScopeSet.of("read", "write"),
                DeviceCodeStatus.PENDING, null, Duration.ofSeconds(5), null, 0, NOW, NOW.plusSeconds(600));
        assertThat(store().insert(code)).isTrue();
        return store().findByDeviceCode(code.deviceCodeHash()).orElseThrow();
    }

    @Test
    void insertedCodeIsFoundByEitherHashWithEveryField() {
        DeviceCode code = pending();
        assertThat(code.id()).isPositive();
        assertThat(store().findByUserCode(code.userCodeHash())).contains(code);
        assertThat(code.scope()).isEqualTo(ScopeSet.of("read", "write"));
        assertThat(code.status()).isEqualTo(DeviceCodeStatus.PENDING);
        assertThat(code.userId()).isNull();
        assertThat(code.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(code.lastPolled()).isNull();
        assertThat(code.verificationCount()).isZero();
        assertThat(code.created()).isEqualTo(NOW);
        assertThat(code.expires()).isEqualTo(NOW.plusSeconds(600));
        assertThat(store().findByDeviceCode("unknown")).isEmpty();
        assertThat(store().findByUserCode("unknown")).isEmpty();
    }

    @Test
    void aTakenUserCodeIsRefusedNotThrown() {
        DeviceCode code = pending();
        DeviceCode clash = new DeviceCode(0, "other-" + UUID.randomUUID(), code.userCodeHash(), clientDbId(),
                ScopeSet.of("read"), DeviceCodeStatus.PENDING, null, Duration.ofSeconds(5), null, 0, NOW,
                NOW.plusSeconds(600));
        assertThat(store().insert(clash)).isFalse();
        assertThat(store().findByDeviceCode(clash.deviceCodeHash())).isEmpty();
    }

    @Test
    void recordPollIsACompareAndSetOnTheLastPoll() {
        DeviceCode code = pending();
        assertThat(store().recordPoll(code.id(), NOW, NOW.plusSeconds(1))).isFalse();
        assertThat(store().recordPoll(code.id(), null, NOW.plusSeconds(1))).isTrue();
        assertThat(store().recordPoll(code.id(), null, NOW.plusSeconds(2))).isFalse();
        Instant recorded = store().findByDeviceCode(code.deviceCodeHash()).orElseThrow().lastPolled();
        assertThat(recorded).isEqualTo(NOW.plusSeconds(1));
        assertThat(store().recordPoll(code.id(), recorded, NOW.plusSeconds(7))).isTrue();
        assertThat(store().findByDeviceCode(code.deviceCodeHash()).orElseThrow().lastPolled())
                .isEqualTo(NOW.plusSeconds(7));
    }

    @Test
    void slowDownLengthensTheIntervalAndRecordsThePoll() {
        DeviceCode code = pending();
        store().slowDown(code.id(), NOW.plusSeconds(1), Duration.ofSeconds(5));
        store().slowDown(code.id(), NOW.plusSeconds(2), Duration.ofSeconds(5));
        DeviceCode slowed = store().findByDeviceCode(code.deviceCodeHash()).orElseThrow();
        assertThat(slowed.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(slowed.lastPolled()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void verificationsAreCountedUpToTheLimit() {
        DeviceCode code = pending();
        assertThat(store().countVerification(code.id(), 2)).isTrue();
        assertThat(store().countVerification(code.id(), 2)).isTrue();
        assertThat(store().countVerification(code.id(), 2)).isFalse();
        assertThat(store().findByDeviceCode(code.deviceCodeHash()).orElseThrow().verificationCount()).isEqualTo(2);
    }

    @Test
    void aDecisionIsTakenOnceAndOnlyBeforeExpiry() {
        DeviceCode code = pending();
        assertThat(store().decide(code.id(), DeviceCodeStatus.APPROVED, userId(), NOW.plusSeconds(1))).isTrue();
        assertThat(store().decide(code.id(), DeviceCodeStatus.DENIED, userId(), NOW.plusSeconds(2))).isFalse();
        DeviceCode approved = store().findByDeviceCode(code.deviceCodeHash()).orElseThrow();
        assertThat(approved.status()).isEqualTo(DeviceCodeStatus.APPROVED);
        assertThat(approved.userId()).isEqualTo(userId());

        DeviceCode late = pending();
        assertThat(store().decide(late.id(), DeviceCodeStatus.APPROVED, userId(), late.expires())).isFalse();
        assertThat(store().findByDeviceCode(late.deviceCodeHash()).orElseThrow().status())
                .isEqualTo(DeviceCodeStatus.PENDING);
    }

    @Test
    void onlyAnApprovedCodeIsConsumedAndOnlyOnce() {
        DeviceCode code = pending();
        assertThat(store().consume(code.id(), NOW)).isFalse();
        store().decide(code.id(), DeviceCodeStatus.APPROVED, userId(), NOW);
        assertThat(store().consume(code.id(), NOW)).isTrue();
        assertThat(store().consume(code.id(), NOW)).isFalse();
        assertThat(store().findByDeviceCode(code.deviceCodeHash()).orElseThrow().status())
                .isEqualTo(DeviceCodeStatus.CONSUMED);
    }

    @Test
    void simultaneousConsumptionsHaveExactlyOneWinner() throws Exception {
        DeviceCode code = pending();
        store().decide(code.id(), DeviceCodeStatus.APPROVED, userId(), NOW);
        assertThat(Together.winners(12, () -> store().consume(code.id(), NOW))).isEqualTo(1);
    }

    @Test
    void simultaneousPollsHaveExactlyOneRecorded() throws Exception {
        DeviceCode code = pending();
        assertThat(Together.winners(12, () -> store().recordPoll(code.id(), null, NOW.plusSeconds(1)))).isEqualTo(1);
    }

    @Test
    void simultaneousDecisionsHaveExactlyOneWinner() throws Exception {
        DeviceCode code = pending();
        assertThat(Together.winners(12, () -> store().decide(code.id(), DeviceCodeStatus.APPROVED, userId(),
                NOW.plusSeconds(1)))).isEqualTo(1);
    }
}
