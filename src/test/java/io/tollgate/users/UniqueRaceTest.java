package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two requests can both pass the uniqueness pre-check; the store's index decides, and the client sees a 400. */
class UniqueRaceTest {

    /** Answers "not taken" to every pre-check, as a concurrent request would have seen. */
    private static final class RacingUserStore implements UserStore {
        private final InMemoryUserStore real = new InMemoryUserStore();

        @Override public Optional<User> findById(long id) { return real.findById(id); }
        @Override public Optional<User> findByUsername(String u) { return real.findByUsername(u); }
        @Override public Page<User> list(int offset, int limit) { return real.list(offset, limit); }
        @Override public long create(NewUser user) { return real.create(user); }
        @Override public void update(User user) { real.update(user); }
        @Override public boolean delete(long id) { return real.delete(id); }
        @Override public void updatePassword(long id, String hash) { real.updatePassword(id, hash); }
        @Override public void recordLogin(long id, Instant at) { real.recordLogin(id, at); }
        @Override public boolean usernameTaken(String username, Long exceptId) { return false; }
    }

    @Test
    void indexViolationBecomesFieldError() {
        RacingUserStore users = new RacingUserStore();
        UserService service = new UserService(users, new InMemoryGroupStore(), new PasswordHasher(1), Clock.systemUTC());
        Actor admin = new Actor(0, true, true);
        long first = service.create(admin, UserInput.empty().withUsername("dup")).id();
        long second = service.create(admin, UserInput.empty().withUsername("other")).id();

        Map<String, List<String>> expected = Map.of("username", List.of("A user with that username already exists."));
        assertThatThrownBy(() -> service.create(admin, UserInput.empty().withUsername("dup")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).isEqualTo(expected));
        assertThatThrownBy(() -> service.update(admin, second, UserInput.empty().withUsername("dup"), true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).isEqualTo(expected));
        assertThat(service.get(second).username()).isEqualTo("other");
        assertThat(service.get(first).username()).isEqualTo("dup");
    }
}
