package io.tollgate.oauth.device;

import static io.tollgate.oauth.device.DeviceFlowFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.device.UserCodeCheck.Accepted;
import io.tollgate.oauth.device.UserCodeCheck.Decided;
import io.tollgate.oauth.device.UserCodeCheck.Reason;
import io.tollgate.oauth.device.UserCodeCheck.Refused;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 8628 §3.3 and §5.1: the verification page's rules, with guessing bounded. */
class DeviceVerificationTest {

    private final DeviceFlowFixture f = new DeviceFlowFixture();
    private final DeviceAuthorizationResponse started = f.start();
    private final UserCodeThrottle.Typist alice = DeviceFlowFixture.typist("session-a", 7L);

    private static String wrongCode(int i) {
        return "ZZZZ-ZZ" + UserCodes.ALPHABET.charAt(i) + UserCodes.ALPHABET.charAt(i + 1);
    }

    private static Reason refusal(UserCodeCheck check) {
        assertThat(check).isInstanceOf(Refused.class);
        return ((Refused) check).reason();
    }

    @Test
    void theCodeAsTypedInAnySpellingShowsItsClientAndScope() {
        String lower = started.userCode().toLowerCase().replace("-", "");
        UserCodeCheck check = f.verification.enter(lower, alice);
        assertThat(check).isInstanceOf(Accepted.class);
        Accepted accepted = (Accepted) check;
        assertThat(accepted.userCode()).isEqualTo(started.userCode());
        assertThat(accepted.client().clientId()).isEqualTo("tv-public");
        assertThat(accepted.code().scope().asString()).isEqualTo("read");
        assertThat(f.store.only().verificationCount()).isEqualTo(1);
    }

    @Test
    void aMalformedCodeIsExplainedAndNotCounted() {
        for (int i = 0; i < 20; i++) {
            assertThat(refusal(f.verification.enter("WDJB-MJH", alice))).isEqualTo(Reason.MALFORMED);
        }
        assertThat(f.verification.enter(started.userCode(), alice)).isInstanceOf(Accepted.class);
    }

    @Test
    void anUnknownCodeIsRefusedWithoutSayingWhy() {
        assertThat(refusal(f.verification.enter(wrongCode(0), alice))).isEqualTo(Reason.INVALID);
    }

    @Test
    void anExpiredCodeLooksLikeAnUnknownOne() {
        f.oauth.clock.advance(Duration.ofMinutes(10));
        assertThat(refusal(f.verification.enter(started.userCode(), alice))).isEqualTo(Reason.INVALID);
        assertThat(refusal(f.verification.decide(started.userCode(), true, alice)))
                .isEqualTo(Reason.INVALID);
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.PENDING);
    }

    @Test
    void fiveWrongCodesLockTheSessionEvenForTheRightCode() {
        for (int i = 0; i < 5; i++) {
            assertThat(refusal(f.verification.enter(wrongCode(i), alice))).isEqualTo(Reason.INVALID);
        }
        assertThat(refusal(f.verification.enter(started.userCode(), alice))).isEqualTo(Reason.THROTTLED);
        assertThat(refusal(f.verification.decide(started.userCode(), true, alice)))
                .isEqualTo(Reason.THROTTLED);
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.PENDING);
        assertThat(f.store.only().verificationCount()).isZero();

        // The lock lapses 15 minutes after the last attempt; by then this code has expired, so take a new one.
        f.oauth.clock.advance(Duration.ofMinutes(15));
        assertThat(f.verification.enter(f.start().userCode(), alice)).isInstanceOf(Accepted.class);
    }

    @Test
    void rightCodesDoNotCountTowardsTheLimit() {
        for (int i = 0; i < 4; i++) {
            refusal(f.verification.enter(wrongCode(i), alice));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(f.verification.enter(started.userCode(), alice)).isInstanceOf(Accepted.class);
        }
        assertThat(refusal(f.verification.enter(wrongCode(10), alice))).isEqualTo(Reason.INVALID);
        assertThat(refusal(f.verification.enter(started.userCode(), alice))).isEqualTo(Reason.THROTTLED);
    }

    @Test
    void tenWrongCodesLockTheAccountAcrossNewSessions() {
        for (int i = 0; i < 10; i++) {
            UserCodeThrottle.Typist freshSession = DeviceFlowFixture.typist("session-" + i, 7L);
            assertThat(refusal(f.verification.enter(wrongCode(i), freshSession))).isEqualTo(Reason.INVALID);
        }
        UserCodeThrottle.Typist yetAnother = DeviceFlowFixture.typist("session-new", 7L);
        assertThat(refusal(f.verification.enter(started.userCode(), yetAnother)))
                .isEqualTo(Reason.THROTTLED);
        UserCodeThrottle.Typist someoneElse = DeviceFlowFixture.typist("session-b", 8L);
        assertThat(f.verification.enter(started.userCode(), someoneElse)).isInstanceOf(Accepted.class);
    }

    @Test
    void aCodeShownTooOftenIsDeniedSoTheDeviceStopsWaiting() {
        for (int i = 0; i < 5; i++) {
            UserCodeThrottle.Typist someone = DeviceFlowFixture.typist("s" + i, 100L + i);
            assertThat(f.verification.enter(started.userCode(), someone)).isInstanceOf(Accepted.class);
        }
        assertThat(refusal(f.verification.enter(started.userCode(), alice))).isEqualTo(Reason.OVERUSED);
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.DENIED);
        assertError(() -> f.polling.redeem(f.tv, started.deviceCode()), "access_denied");
    }

    @Test
    void approvalRecordsWhoApproved() {
        UserCodeCheck decided = f.verification.decide(started.userCode(), true, alice);
        assertThat(decided).isEqualTo(new Decided(DeviceCodeStatus.APPROVED, f.tv));
        assertThat(f.store.only().userId()).isEqualTo(7L);
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.APPROVED);
    }

    @Test
    void denialIsRecordedToo() {
        assertThat(f.verification.decide(started.userCode(), false, alice))
                .isEqualTo(new Decided(DeviceCodeStatus.DENIED, f.tv));
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.DENIED);
        assertThat(f.store.only().userId()).isEqualTo(7L);
    }

    @Test
    void aCodeIsAnsweredOnlyOnce() {
        f.verification.decide(started.userCode(), true, alice);
        UserCodeThrottle.Typist mallory = DeviceFlowFixture.typist("session-m", 9L);
        assertThat(refusal(f.verification.decide(started.userCode(), false, mallory)))
                .isEqualTo(Reason.INVALID);
        assertThat(refusal(f.verification.enter(started.userCode(), mallory))).isEqualTo(Reason.INVALID);
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.APPROVED);
        assertThat(f.store.only().userId()).isEqualTo(7L);
    }

    @Test
    void aCodeWhoseClientWasDeletedIsRefused() {
        f.oauth.clients.delete(f.tv.id());
        assertThat(refusal(f.verification.enter(started.userCode(), alice))).isEqualTo(Reason.INVALID);
    }
}
