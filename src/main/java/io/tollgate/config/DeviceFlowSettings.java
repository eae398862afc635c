package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.tollgate.oauth.device.DeviceSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The device authorization grant (RFC 8628): code lifetime, polling interval, guessing limits. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DeviceFlowSettings {
    private static final DeviceSettings DEFAULTS = DeviceSettings.defaults();

    /** At most an hour: every minute a user code lives is a minute it can be guessed. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration codeLifetime = Duration.seconds(DEFAULTS.codeLifetime().toSeconds());

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration interval = Duration.seconds(DEFAULTS.interval().toSeconds());

    @Min(1)
    @Max(100)
    private int maxEntriesPerCode = DEFAULTS.maxEntriesPerCode();

    @Min(1)
    @Max(100)
    private int maxFailuresPerSession = DEFAULTS.maxFailuresPerSession();

    @Min(1)
    @Max(1000)
    private int maxFailuresPerUser = DEFAULTS.maxFailuresPerUser();

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration failureWindow = Duration.seconds(DEFAULTS.failureWindow().toSeconds());

    public DeviceSettings settings() {
        return new DeviceSettings(codeLifetime.toJavaDuration(), interval.toJavaDuration(), maxEntriesPerCode,
                maxFailuresPerSession, maxFailuresPerUser, failureWindow.toJavaDuration());
    }
}
