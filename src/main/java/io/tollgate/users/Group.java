package io.tollgate.users;

import java.util.Objects;

public record Group(long id, String name) {
    public Group {
        Objects.requireNonNull(name, "name");
    }
}
