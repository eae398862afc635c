package io.tollgate.web.security;

import io.tollgate.users.NewUser;
import io.tollgate.users.Page;
import io.tollgate.users.User;
import io.tollgate.users.UserStore;
import java.time.Instant;
import java.util.Optional;

/**
 * A user changed or deleted through this node (deactivated, demoted, new password) loses the cached checks of
 * their tokens here at once: the cached principal carries the active and staff flags. Other nodes follow within
 * the cache's staleness bound.
 */
public class RevocationAwareUserStore implements UserStore {
    private final UserStore store;
    private final TokenAuthenticator authenticator;

    public RevocationAwareUserStore(UserStore store, TokenAuthenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    @Override
    public Optional<User> findById(long id) {
        return store.findById(id);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return store.findByUsername(username);
    }

    @Override
    public Page<User> list(int offset, int limit) {
        return store.list(offset, limit);
    }

    @Override
    public long create(NewUser user) {
        return store.create(user);
    }

    @Override
    public void update(User user) {
        store.update(user);
        authenticator.forgetUser(user.id());
    }

    @Override
    public boolean delete(long id) {
        boolean deleted = store.delete(id);
        authenticator.forgetUser(id);
        return deleted;
    }

    @Override
    public void updatePassword(long id, String passwordHash) {
        store.updatePassword(id, passwordHash);
        authenticator.forgetUser(id);
    }

    @Override
    public void recordLogin(long id, Instant at) {
        store.recordLogin(id, at);
    }

    @Override
    public boolean usernameTaken(String username, Long exceptId) {
        return store.usernameTaken(username, exceptId);
    }
}
