package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ThrottleSettings {
    @Min(1)
    private int loginFailuresPerAddress = 5;
    @Min(1)
    private int loginFailuresPerUser = 50;
    @Min(1)
    private int clientFailuresPerAddress = 10;
    @Min(1)
    private int clientFailuresPerClient = 100;
    @NotNull private Duration baseDelay = Duration.seconds(1);
    @NotNull private Duration maxDelay = Duration.minutes(15);
    @NotNull private Duration forgetAfter = Duration.hours(1);
    @NotNull private Duration trustFor = Duration.days(30);
    /** Comma-separated addresses or CIDR blocks whose X-Forwarded-For is believed (load balancers). */
    @NotNull private String trustedProxies = "";

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
    public String getTrustedProxies() {
        return trustedProxies;
    }

    @JsonProperty
    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies == null ? "" : trustedProxies;
    }
}
