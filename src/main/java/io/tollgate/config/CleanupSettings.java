package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The built-in purge of expired and revoked tokens and spent codes, so no cron job is needed. Every node runs
 * it; concurrent runs are safe and just find less to delete.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CleanupSettings {
    /** Off only when another node or the cleartokens command does the job. */
    private boolean enabled = true;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration interval = Duration.hours(1);

    /** How long a row is kept after it expired, was revoked or was consumed: audit trail and replay detection. */
    @NotNull private Duration retention = Duration.days(7);

    /** Rows per DELETE; each batch is its own short transaction, so requests are never blocked for long. */
    @Min(1)
    @Max(100_000)
    private int batchSize = 1000;

    /**
     * After each batch the purge rests this many times as long as the batch took: 1 leaves the database and the
     * node at least half their time for requests while a large backlog goes; 0 purges flat out.
     */
    @DecimalMin("0")
    @DecimalMax("100")
    private double restRatio = 1;

    public boolean isEnabled() {
        return enabled;
    }

    public Duration getInterval() {
        return interval;
    }

    public Duration getRetention() {
        return retention;
    }

    public double getRestRatio() {
        return restRatio;
    }

    public int getBatchSize() {
        return batchSize;
    }
}
