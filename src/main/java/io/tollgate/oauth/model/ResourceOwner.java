package io.tollgate.oauth.model;

import java.util.Objects;

/** The user on whose behalf a token is issued, as far as the protocol needs to know. */
public record ResourceOwner(long userId, String username, boolean active) {

    public ResourceOwner {
        Objects.requireNonNull(username, "username");
    }
}
