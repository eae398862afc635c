package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.throttle.ThrottleObserver;
import io.tollgate.throttle.ThrottlePolicy;
import io.tollgate.throttle.ThrottleRule;
import io.tollgate.throttle.ThrottleStore;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Throttling of failed password and client-secret checks, counted in the database so every node sees the same
 * counts. Per (username or client_id, client address) with exponential back-off; a higher ceiling per username
 * or client_id across all addresses, which addresses that recently authenticated as it are exempt from.
 */
public class ThrottleSettings {
    @Min(1)
    private int loginFailuresPerAddress = 5;
    @Min(1)
    private int loginFailuresPerUser = 50;
    @Min(1)
    private int clientFailuresPerAddress = 10;
    @Min(1)
    private int clientFailuresPerClient = 100;
    @NotNull
    private Duration baseDelay = Duration.seconds(1);
    @NotNull
    private Duration maxDelay = Duration.minutes(15);
    @NotNull
    private Duration forgetAfter = Duration.hours(1);
    @NotNull
    private Duration trustFor = Duration.days(30);
    /** Comma-separated addresses or CIDR blocks whose X-Forwarded-For is believed (load balancers). */
    @NotNull
    private String trustedProxies = "";

    /** The throttle these settings describe; invalid combinations (maxDelay below baseDelay) fail at start. */
    public AttemptThrottle build(ThrottleStore store, Clock clock, ThrottleObserver observer) {
        java.time.Duration base = baseDelay.toJavaDuration();
        java.time.Duration max = maxDelay.toJavaDuration();
        java.time.Duration forget = forgetAfter.toJavaDuration();
        return new AttemptThrottle(store, clock,
                new ThrottlePolicy(new ThrottleRule(loginFailuresPerAddress, base, max, forget),
                        new ThrottleRule(loginFailuresPerUser, base, max, forget), trustFor.toJavaDuration()),
                new ThrottlePolicy(new ThrottleRule(clientFailuresPerAddress, base, max, forget),
                        new ThrottleRule(clientFailuresPerClient, base, max, forget), trustFor.toJavaDuration()),
                observer);
    }

    public List<String> trustedProxyList() {
        return Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    @JsonProperty
    public int getLoginFailuresPerAddress() {
        return loginFailuresPerAddress;
    }

    @JsonProperty
    public void setLoginFailuresPerAddress(int value) {
        this.loginFailuresPerAddress = value;
    }

    @JsonProperty
    public int getLoginFailuresPerUser() {
        return loginFailuresPerUser;
    }

    @JsonProperty
    public void setLoginFailuresPerUser(int value) {
        this.loginFailuresPerUser = value;
    }

    @JsonProperty
    public int getClientFailuresPerAddress() {
        return clientFailuresPerAddress;
    }

    @JsonProperty
    public void setClientFailuresPerAddress(int value) {
        this.clientFailuresPerAddress = value;
    }

    @JsonProperty
    public int getClientFailuresPerClient() {
        return clientFailuresPerClient;
    }

    @JsonProperty
    public void setClientFailuresPerClient(int value) {
        this.clientFailuresPerClient = value;
    }

    @JsonProperty
    public Duration getBaseDelay() {
        return baseDelay;
    }

    @JsonProperty
    public void setBaseDelay(Duration baseDelay) {
        this.baseDelay = baseDelay;
    }

    @JsonProperty
    public Duration getMaxDelay() {
        return maxDelay;
    }

    @JsonProperty
    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    @JsonProperty
    public Duration getForgetAfter() {
        return forgetAfter;
    }

    @JsonProperty
    public void setForgetAfter(Duration forgetAfter) {
        this.forgetAfter = forgetAfter;
    }

    @JsonProperty
    public Duration getTrustFor() {
        return trustFor;
    }

    @JsonProperty
    public void setTrustFor(Duration trustFor) {
        this.trustFor = trustFor;
    }

    @JsonProperty
    public String getTrustedProxies() {
        return trustedProxies;
    }

    @JsonProperty
    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies == null ? "" : trustedProxies;
    }
}
