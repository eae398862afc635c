package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void refusesAfterTooManyFailuresUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allows("alice")).isTrue();
            throttle.failed("alice");
        }
        assertThat(throttle.allows("alice")).isFalse();
        assertThat(throttle.allows("bob")).isTrue();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.allows("alice")).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.allows("alice")).isTrue();
    }

    @Test
    void aSuccessClearsTheCount() {
        throttle.failed("carol");
        throttle.failed("carol");
        throttle.succeeded("carol");
        throttle.failed("carol");
        throttle.failed("carol");
        assertThat(throttle.allows("carol")).isTrue();
    }

    @Test
    void aThrottledLoginIsRefusedWithoutSpendingAHashEvenWithTheRightPassword() {
        InMemoryUserStore users = new InMemoryUserStore();
        CountingHasher hasher = new CountingHasher(10);
        UserService service = new UserService(users, new InMemoryGroupStore(users::forgetGroup), hasher, clock,
                new LoginThrottle(2, Duration.ofMinutes(15), clock));
        service.createSuperuser("dave", "dave@example.com", "right-password");
        assertThat(service.authenticate("dave", "wrong")).isEmpty();
        assertThat(service.authenticate("dave", "wrong")).isEmpty();
        int spent = hasher.verifies + hasher.dummies;
        assertThat(service.authenticate("dave", "right-password")).isEmpty();
        assertThat(hasher.verifies + hasher.dummies).isEqualTo(spent);
        clock.advance(Duration.ofMinutes(16));
        assertThat(service.authenticate("dave", "right-password")).isPresent();
    }
}
