package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Bearer-token checks are cached per node. A revocation is seen at once on the node that revoked and within
 * {@code maxStaleness} on every other node; 0s turns the cache off.
 */
public class TokenCacheSettings {
    @NotNull
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    private Duration maxStaleness = Duration.seconds(5);

    @Min(0)
    private long maximumSize = 100_000;

    @JsonProperty
    public Duration getMaxStaleness() {
        return maxStaleness;
    }

    @JsonProperty
    public void setMaxStaleness(Duration maxStaleness) {
        this.maxStaleness = maxStaleness;
    }

    @JsonProperty
    public long getMaximumSize() {
        return maximumSize;
    }

    @JsonProperty
    public void setMaximumSize(long maximumSize) {
        this.maximumSize = maximumSize;
    }
}
