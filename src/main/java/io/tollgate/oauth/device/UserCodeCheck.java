package io.tollgate.oauth.device;

import io.tollgate.oauth.model.Client;
import java.util.Objects;

/** The outcome of a person typing a user code on the verification page. */
public sealed interface UserCodeCheck {

    /**
     * The code names a pending authorization of this client.
     *
     * @param userCode the code as shown on the device, {@code XXXX-XXXX}
     */
    record Accepted(DeviceCode code, Client client, String userCode) implements UserCodeCheck {
        public Accepted {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(userCode, "userCode");
        }
    }

    /** The approval or denial was recorded. */
    record Decided(DeviceCodeStatus status, Client client) implements UserCodeCheck {
    }

    /** Nothing happened; the message is safe to show and never tells an unknown code from an expired one. */
    record Refused(String message) implements UserCodeCheck {
    }
}
