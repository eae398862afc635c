package io.tollgate.web.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tollgate.oauth.device.DeviceAuthorizationResponse;

/** RFC 8628 §3.2 success body. */
@JsonPropertyOrder({"device_code", "user_code", "verification_uri", "verification_uri_complete", "expires_in",
    "interval"})
public record DeviceAuthorizationBody(
        @JsonProperty("device_code") String deviceCode,
        @JsonProperty("user_code") String userCode,
        @JsonProperty("verification_uri") String verificationUri,
        @JsonProperty("verification_uri_complete") String verificationUriComplete,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("interval") long interval) {

    public static DeviceAuthorizationBody of(DeviceAuthorizationResponse response) {
        return new DeviceAuthorizationBody(response.deviceCode(), response.userCode(), response.verificationUri(),
                response.verificationUriComplete(), response.expiresIn(), response.interval());
    }

    @Override
    public String toString() {
        return "DeviceAuthorizationBody[<secret>]";
    }
}
