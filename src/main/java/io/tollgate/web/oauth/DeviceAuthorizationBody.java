package io.tollgate.web.oauth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tollgate.oauth.device.DeviceAuthorizationResponse;

/** RFC 8628 §3.2 success body. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"device_code", "user_code", "verification_uri", "verification_uri_complete", "expires_in",
    "interval"})
public record DeviceAuthorizationBody(String deviceCode, String userCode, String verificationUri,
                                      String verificationUriComplete, long expiresIn, long interval) {

    public static DeviceAuthorizationBody of(DeviceAuthorizationResponse response) {
        return new DeviceAuthorizationBody(response.deviceCode(), response.userCode(), response.verificationUri(),
                response.verificationUriComplete(), response.expiresIn(), response.interval());
    }

    @Override
    public String toString() {
        return "DeviceAuthorizationBody[<secret>]";
    }
}
