package io.tollgate.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test fake of {@link UserStore}: ids from 1, list ordered by id, unique usernames enforced like an index. */
public final class InMemoryUserStore implements UserStore {

    private final Map<Long, User> rows = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized Optional<User> findById(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<User> findByUsername(String username) {
        return rows.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public synchronized Page<User> list(int offset, int limit) {
        List<User> all = new ArrayList<>(rows.values());
        return new Page<>(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())), all.size());
    }

    @Override
    public synchronized long create(NewUser user) {
        refuseDuplicate(user.username(), null);
        long id = nextId++;
        rows.put(id, user.withId(id));
        return id;
    }

    @Override
    public synchronized void update(User user) {
        if (rows.containsKey(user.id())) {
            refuseDuplicate(user.username(), user.id());
            rows.put(user.id(), user);
        }
    }

    @Override
    public synchronized boolean delete(long id) {
        return rows.remove(id) != null;
    }

    @Override
    public synchronized void updatePassword(long id, String passwordHash) {
        rows.computeIfPresent(id, (k, u) -> u.withPasswordHash(passwordHash));
    }

    @Override
    public synchronized void recordLogin(long id, Instant at) {
        rows.computeIfPresent(id, (k, u) -> u.withLastLogin(at));
    }

    @Override
    public synchronized boolean usernameTaken(String username, Long exceptId) {
        return rows.values().stream()
                .anyMatch(u -> u.username().equals(username) && (exceptId == null || u.id() != exceptId));
    }

    /** What a foreign key's ON DELETE CASCADE does when a group goes. */
    public synchronized void forgetGroup(long groupId) {
        rows.replaceAll((id, u) -> new User(u.id(), u.username(), u.email(), u.firstName(), u.lastName(),
                u.passwordHash(), u.active(), u.staff(), u.superuser(), u.dateJoined(), u.lastLogin(),
                u.groupIds().stream().filter(g -> g != groupId).toList()));
    }

    private void refuseDuplicate(String username, Long exceptId) {
        if (usernameTaken(username, exceptId)) {
            throw new UniqueViolationException("duplicate username", null);
        }
    }
}
