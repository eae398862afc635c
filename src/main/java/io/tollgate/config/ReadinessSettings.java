package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** GET /ready on the admin port, for load balancers. */
public class ReadinessSettings {
    /** On shutdown, /ready answers 503 for this long while requests are still served, then the server stops. */
    @NotNull
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    private Duration shutdownDrain = Duration.seconds(5);

    @JsonProperty
    public Duration getShutdownDrain() {
        return shutdownDrain;
    }

    @JsonProperty
    public void setShutdownDrain(Duration shutdownDrain) {
        this.shutdownDrain = shutdownDrain;
    }
}
