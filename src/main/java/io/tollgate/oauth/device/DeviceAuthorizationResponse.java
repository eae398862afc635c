package io.tollgate.oauth.device;

import io.tollgate.oauth.model.Require;

/**
 * RFC 8628 §3.2 device authorization response; the only place the device code and the user code exist in plain.
 *
 * @param userCode shown to people, {@code XXXX-XXXX}
 */
public record DeviceAuthorizationResponse(String deviceCode, String userCode, String verificationUri,
                                          String verificationUriComplete, long expiresIn, long interval) {

    public DeviceAuthorizationResponse {
        Require.nonNull("deviceCode userCode verificationUri verificationUriComplete",
                deviceCode, userCode, verificationUri, verificationUriComplete);
    }

    @Override
    public String toString() {
        // The device code is a credential: never in a log line.
        return "DeviceAuthorizationResponse[verificationUri=" + verificationUri + ", expiresIn=" + expiresIn
                + ", interval=" + interval + "]";
    }
}
