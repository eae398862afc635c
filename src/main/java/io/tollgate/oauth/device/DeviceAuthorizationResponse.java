package io.tollgate.oauth.device;

import java.util.Objects;

/**
 * RFC 8628 §3.2 device authorization response; the only place the device code and the user code exist in plain.
 *
 * @param userCode shown to people, {@code XXXX-XXXX}
 */
public record DeviceAuthorizationResponse(String deviceCode, String userCode, String verificationUri,
                                          String verificationUriComplete, long expiresIn, long interval) {

    public DeviceAuthorizationResponse {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(verificationUri, "verificationUri");
        Objects.requireNonNull(verificationUriComplete, "verificationUriComplete");
    }

    @Override
    public String toString() {
        // The device code is a credential: never in a log line.
        return "DeviceAuthorizationResponse[verificationUri=" + verificationUri + ", expiresIn=" + expiresIn
                + ", interval=" + interval + "]";
    }
}
