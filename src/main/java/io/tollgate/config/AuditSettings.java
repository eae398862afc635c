package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The audit trail: the audit_event table's retention, the writer's queue and repeated introspections. The log
 * lines are set in logging.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class AuditSettings {
    /** Events older than this are purged by the cleanup job; 90 days answers most "who did this last quarter". */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration retention = Duration.days(90);

    /** Events waiting to be written; beyond this they are dropped (counted and logged), never blocking a request. */
    @Min(100)
    @Max(1_000_000)
    private int queueCapacity = 10_000;

    /**
     * A client or resource server introspecting the same way again within this window is not recorded again (the
     * introspection metric still counts every call): a resource server that introspects on every API call would
     * otherwise write the audit table at its request rate. 0s records every call.
     */
    @NotNull private Duration introspectionWindow = Duration.seconds(60);

    public Duration getIntrospectionWindow() {
        return introspectionWindow;
    }

    public Duration getRetention() {
        return retention;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }
}
