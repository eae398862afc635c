package io.tollgate.oauth.store;

import io.tollgate.oauth.model.ResourceOwner;
import java.util.Optional;

/** The protocol's view of the user store; implemented by the users package. */
public interface ResourceOwnerAuthenticator {

    /**
     * The owner if the username exists and the password matches (checked in constant time, with the same cost
     * for unknown users); empty otherwise. An inactive user may be returned with active=false or as empty.
     */
    Optional<ResourceOwner> authenticate(String username, String password);

    /**
     * Like {@link #authenticate(String, String)} for an attempt from {@code clientAddress} (nullable), which an
     * implementation may throttle by throwing {@link io.tollgate.throttle.Throttled} without checking the password.
     */
    default Optional<ResourceOwner> authenticate(String username, String password, String clientAddress) {
        return authenticate(username, password);
    }

    /** The owner if the user still exists and is active, else empty. */
    Optional<ResourceOwner> findActive(long userId);
}
