package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.MutableClock;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.throttle.InMemoryThrottleStore;
import io.tollgate.throttle.ThrottleObserver;
import io.tollgate.throttle.ThrottlePolicy;
import io.tollgate.throttle.ThrottleRule;
import io.tollgate.throttle.Throttled;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Sign-in through UserService with the shared throttle (in memory here; the database in the *IT classes). */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ThrottlePolicy policy = new ThrottlePolicy(
            new ThrottleRule(2, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
            new ThrottleRule(6, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
            Duration.ofDays(30));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final CountingHasher hasher = new CountingHasher(10);
    private final UserService service = new UserService(users, new InMemoryGroupStore(users::forgetGroup), hasher,
            clock, new AttemptThrottle(new InMemoryThrottleStore(), clock, policy, policy, ThrottleObserver.NONE));

    @Test
    void aThrottledLoginSpendsNoHashEvenWithTheRightPasswordAndSaysHowLongToWait() {
        service.createSuperuser("dave", "dave@example.com", "right-password");
        assertThat(service.authenticate("dave", "wrong", "10.0.0.1")).isEmpty();
        assertThat(service.authenticate("dave", "wrong", "10.0.0.1")).isEmpty();
        int spent = hasher.verifies + hasher.dummies;
        assertThatThrownBy(() -> service.authenticate("dave", "right-password", "10.0.0.1"))
                .isInstanceOfSatisfying(Throttled.class, t -> assertThat(t.retryAfterSeconds()).isEqualTo(30));
        assertThat(hasher.verifies + hasher.dummies).isEqualTo(spent);
        clock.advance(Duration.ofSeconds(30));
        assertThat(service.authenticate("dave", "right-password", "10.0.0.1")).isPresent();
    }

    @Test
    void theRightPasswordFromAnotherAddressIsNotSlowedByAnAttacker() {
        service.createSuperuser("erin", "erin@example.com", "right-password");
        for (int i = 0; i < 2; i++) {
            assertThat(service.authenticate("erin", "guess" + i, "198.51.100.1")).isEmpty();
        }
        assertThatThrownBy(() -> service.authenticate("erin", "guess", "198.51.100.1")).isInstanceOf(Throttled.class);
        assertThat(service.authenticate("erin", "right-password", "192.0.2.10")).isPresent();
    }

    @Test
    void unknownUsernamesAreThrottledExactlyLikeKnownOnes() {
        service.createSuperuser("frank", "frank@example.com", "right-password");
        for (String name : new String[] {"frank", "nobody"}) {
            service.authenticate(name, "guess", "198.51.100.2");
            service.authenticate(name, "guess", "198.51.100.2");
            assertThatThrownBy(() -> service.authenticate(name, "guess", "198.51.100.2"))
                    .isInstanceOfSatisfying(Throttled.class, t -> assertThat(t.retryAfterSeconds()).isEqualTo(30));
        }
    }
}
