package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.event.LoginFailed;
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
import org.junit.jupiter.api.Test;

/** Every change that affects a user's tokens or sessions, and every failed login, is published. */
class UserEventsTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final List<ProtocolEvent> events = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final UserService service = new UserService(users, new InMemoryGroupStore(users::forgetGroup),
            new CountingHasher(10), clock, new LoginThrottle(2, Duration.ofMinutes(15), clock), events::add);
    private final Actor root = Actor.of(service.createSuperuser("root", "root@example.com", "rootpass"));
    private final long alice = service.create(root, UserInput.empty().withUsername("alice").withPassword("alicepass"))
            .id();

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
    void failedLoginsAreReportedAndSoAreThrottledOnes() {
        service.authenticate("alice", "wrong");
        service.authenticate("nobody", "x");
        service.authenticate("alice", "wrong");
        service.authenticate("alice", "alicepass");
        assertThat(events).containsExactly(new LoginFailed(NOW, "alice", false), new LoginFailed(NOW, "nobody", false),
                new LoginFailed(NOW, "alice", false), new LoginFailed(NOW, "alice", true));
    }
}
