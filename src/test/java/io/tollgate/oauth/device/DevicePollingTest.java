package io.tollgate.oauth.device;

import static io.tollgate.oauth.device.DeviceFlowFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.testing.Together;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** RFC 8628 §3.5: every answer a polling device can get. */
class DevicePollingTest {

    private final DeviceFlowFixture f = new DeviceFlowFixture();
    private final DeviceAuthorizationResponse started = f.start();
    private final UserCodeThrottle.Typist typist = DeviceFlowFixture.typist("session-a", 7L);

    private DeviceCode poll() {
        return f.polling.redeem(f.tv, started.deviceCode());
    }

    private void answer(boolean allow) {
        assertThat(f.verification.decide(started.userCode(), allow, typist))
                .isInstanceOf(UserCodeCheck.Decided.class);
    }

    private void wait(int seconds) {
        f.oauth.clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void beforeTheUserAnswersItIsAuthorizationPending() {
        assertError(this::poll, "authorization_pending");
        wait(5);
        assertError(this::poll, "authorization_pending");
        assertThat(f.store.only().interval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void pollingFasterThanTheIntervalIsSlowDownAndTheIntervalGrowsByFiveSeconds() {
        assertError(this::poll, "authorization_pending");
        wait(4);
        assertError(this::poll, "slow_down");
        assertThat(f.store.only().interval()).isEqualTo(Duration.ofSeconds(10));
        wait(5);
        // Five seconds were enough before; now the device must wait ten.
        assertError(this::poll, "slow_down");
        assertThat(f.store.only().interval()).isEqualTo(Duration.ofSeconds(15));
        wait(15);
        assertError(this::poll, "authorization_pending");
        assertThat(f.store.only().interval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void afterApprovalOnePollGetsTheAuthorizationAndTheNextIsInvalidGrant() {
        assertError(this::poll, "authorization_pending");
        answer(true);
        wait(5);
        DeviceCode redeemed = poll();
        assertThat(redeemed.userId()).isEqualTo(7L);
        assertThat(redeemed.clientDbId()).isEqualTo(f.tv.id());
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.CONSUMED);
        wait(5);
        assertError(this::poll, "invalid_grant");
    }

    @Test
    void afterDenialItIsAccessDenied() {
        answer(false);
        assertError(this::poll, "access_denied");
        assertError(this::poll, "access_denied");
    }

    @Test
    void afterExpiryItIsExpiredTokenEvenIfApproved() {
        answer(true);
        f.oauth.clock.advance(Duration.ofMinutes(10));
        assertError(this::poll, "expired_token");
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.APPROVED);
    }

    @Test
    void oneSecondBeforeExpiryItStillWorks() {
        answer(true);
        f.oauth.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(poll().userId()).isEqualTo(7L);
    }

    @Test
    void anUnknownDeviceCodeIsInvalidGrant() {
        assertError(() -> f.polling.redeem(f.tv, "not-a-device-code"), "invalid_grant");
        assertError(() -> f.polling.redeem(f.tv, started.userCode()), "invalid_grant");
    }

    @Test
    void anotherClientsDeviceCodeIsInvalidGrantAndLeavesTheCodeAlone() {
        answer(true);
        Client other = f.oauth.publicClient("tv-other", GrantType.DEVICE_CODE);
        assertError(() -> f.polling.redeem(other, started.deviceCode()), "invalid_grant");
        assertThat(f.store.only().lastPolled()).isNull();
        assertThat(poll().userId()).isEqualTo(7L);
    }

    @Test
    void simultaneousPollsAfterApprovalRedeemExactlyOnce() throws Exception {
        answer(true);
        AtomicLong otherAnswers = new AtomicLong();
        long winners = Together.winners(16, () -> {
            try {
                poll();
                return true;
            } catch (io.tollgate.oauth.OAuthException e) {
                // A loser either saw the winner's poll (slow_down) or the spent code (invalid_grant).
                if (e.error().equals("slow_down") || e.error().equals("invalid_grant")) {
                    otherAnswers.incrementAndGet();
                }
                return false;
            }
        });
        assertThat(winners).isEqualTo(1);
        assertThat(f.store.only().status()).isEqualTo(DeviceCodeStatus.CONSUMED);
        assertThat(otherAnswers.get()).isEqualTo(15);
    }
}
