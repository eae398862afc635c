package io.tollgate.oauth.device;

import java.util.Optional;

/** Where a device authorization stands; only pending → approved/denied and approved → consumed are allowed. */
public enum DeviceCodeStatus {
    PENDING("pending"),
    APPROVED("approved"),
    DENIED("denied"),
    CONSUMED("consumed");

    private final String stored;

    DeviceCodeStatus(String stored) {
        this.stored = stored;
    }

    /** The value in the status column. */
    public String stored() {
        return stored;
    }

    public static Optional<DeviceCodeStatus> fromStored(String value) {
        for (DeviceCodeStatus status : values()) {
            if (status.stored.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
