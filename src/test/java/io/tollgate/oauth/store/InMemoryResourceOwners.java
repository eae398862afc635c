package io.tollgate.oauth.store;

import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.token.TokenHasher;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Test fake of {@link ResourceOwnerAuthenticator}: plain passwords in memory, compared in constant time. */
public final class InMemoryResourceOwners implements ResourceOwnerAuthenticator {

    private record User(ResourceOwner owner, String password) {
    }

    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public ResourceOwner add(String username, String password, boolean active) {
        ResourceOwner owner = new ResourceOwner(nextId.getAndIncrement(), username, active);
        users.put(owner.userId(), new User(owner, password));
        return owner;
    }

    public void setActive(long userId, boolean active) {
        users.computeIfPresent(userId, (id, user) ->
                new User(new ResourceOwner(id, user.owner().username(), active), user.password()));
    }

    @Override
    public Optional<ResourceOwner> authenticate(String username, String password) {
        return users.values().stream()
                .filter(user -> user.owner().username().equals(username))
                .filter(user -> TokenHasher.constantTimeEquals(user.password(), password))
                .map(User::owner)
                .findFirst();
    }

    @Override
    public Optional<ResourceOwner> findActive(long userId) {
        return Optional.ofNullable(users.get(userId)).map(User::owner).filter(ResourceOwner::active);
    }
}
