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

    /** Nothing happened (or, for OVERUSED, the code was denied). */
    record Refused(Reason reason) implements UserCodeCheck {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        /** Safe to show; never tells an unknown code from an expired or answered one. */
        public String message() {
            return reason.message;
        }
    }

    enum Reason {
        MALFORMED("A code has 8 letters and digits, like WDJB-MJHT. Check the code on your device."),
        INVALID("That code is not valid, or no longer is. Check the code on your device, "
                + "or start again there to get a new one."),
        THROTTLED("Too many wrong codes. Wait a while before you try again."),
        OVERUSED("This code was entered too many times and no longer works. Start again on your device.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }
}
