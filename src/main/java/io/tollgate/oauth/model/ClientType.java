package io.tollgate.oauth.model;

import java.util.Optional;

/** RFC 6749 §2.1 client types. */
public enum ClientType {
    CONFIDENTIAL("confidential"),
    PUBLIC("public");

    private final String wireName;

    ClientType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ClientType> fromWire(String value) {
        for (ClientType type : values()) {
            if (type.wireName.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
