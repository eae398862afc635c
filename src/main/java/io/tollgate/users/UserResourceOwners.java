package io.tollgate.users;

import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import java.util.Optional;

/** The users of this server, as the OAuth grants see them. */
public record UserResourceOwners(UserService users, UserStore store) implements ResourceOwnerAuthenticator {

    @Override
    public Optional<ResourceOwner> authenticate(String username, String password) {
        return users.authenticate(username, password).map(UserResourceOwners::owner);
    }

    @Override
    public Optional<ResourceOwner> authenticate(String username, String password, String clientAddress) {
        return users.authenticate(username, password, clientAddress).map(UserResourceOwners::owner);
    }

    @Override
    public Optional<ResourceOwner> findActive(long userId) {
        return store.findById(userId).filter(User::active).map(UserResourceOwners::owner);
    }

    private static ResourceOwner owner(User user) {
        return new ResourceOwner(user.id(), user.username(), user.active());
    }
}
