package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.LoginSucceeded;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.UserChanged;
import io.tollgate.oauth.event.UserDeactivated;
import io.tollgate.oauth.event.UserDeleted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.throttle.InMemoryThrottleStore;
import io.tollgate.throttle.ThrottleObserver;
import io.tollgate.throttle.ThrottlePolicy;
import io.tollgate.throttle.ThrottleRule;
import io.tollgate.throttle.Throttled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change that affects a user's tokens or sessions, and every failed login, is published. */
class UserEventsTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    /** Two failures for one username from one address, then a wait. */
    private static final ThrottlePolicy POLICY = new ThrottlePolicy(
            new ThrottleRule(2, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1)),
            new ThrottleRule(50, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1)), Duration.ofDays(30));

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final List<ProtocolEvent> events = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final UserService service = new UserService(users, new InMemoryGroupStore(users::forgetGroup),
            new CountingHasher(10), clock, new AttemptThrottle(new InMemoryThrottleStore(), clock, POLICY, POLICY,
                    ThrottleObserver.NONE), events::add);
    private final Actor root = Actor.of(service.createSuperuser("root", "root@example.com", "rootpass"));
    private final long alice = service.create(root, UserInput.empty().withUsername("alice").withPassword("alicepass"))
            .id();

    /** Creating the two users (createsuperuser and the API's create) was reported; each test sees only its own. */
    @BeforeEach
    void creationsAreReported() {
        long rootId = users.findByUsername("root").orElseThrow().id();
        assertThat(events).containsExactly(new UserChanged(NOW, rootId, UserChanged.Change.CREATED),
                new UserChanged(NOW, alice, UserChanged.Change.CREATED));
        events.clear();
    }

    @Test
    void deactivationIsReportedAsSuchAndOtherChangesAsChanges() {
        service.update(root, alice, UserInput.empty().withEmail("alice@example.com"), true);
        service.update(root, alice, UserInput.empty().withActive(false), true);
        assertThat(events).containsExactly(new UserChanged(NOW, alice, UserChanged.Change.UPDATED),
                new UserDeactivated(NOW, alice));
    }

    @Test
    void passwordChangesAndDeletionsAreReported() {
        service.changePassword("alice", "a new password 1");
        service.delete(root, alice);
        assertThat(events).containsExactly(new UserChanged(NOW, alice, UserChanged.Change.PASSWORD_CHANGED),
                new UserDeleted(NOW, alice));
    }

    @Test
    void aSuccessfulLoginIsReportedWithoutThePassword() {
        assertThat(service.authenticate("alice", "alicepass")).isPresent();
        assertThat(events).containsExactly(new LoginSucceeded(NOW, alice, "alice"));
        assertThat(events.toString()).doesNotContain("alicepass");
    }

    @Test
    void failedLoginsAreReportedAndSoAreThrottledOnes() {
        service.authenticate("alice", "wrong");
        service.authenticate("nobody", "x");
        service.authenticate("alice", "wrong");
        assertThatThrownBy(() -> service.authenticate("alice", "alicepass")).isInstanceOf(Throttled.class);
        assertThat(events).containsExactly(new LoginFailed(NOW, "alice", false), new LoginFailed(NOW, "nobody", false),
                new LoginFailed(NOW, "alice", false), new LoginFailed(NOW, "alice", true));
    }
}
