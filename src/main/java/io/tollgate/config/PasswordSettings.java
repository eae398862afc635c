package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How user passwords are hashed. */
public class PasswordSettings {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; older hashes are upgraded at the next login. */
    @Min(1)
    private int iterations = 600_000;

    /** Failed logins for one username within {@link #lockoutWindow} before further attempts are refused. */
    @Min(1)
    private int maxFailedLogins = 10;

    @NotNull
    private Duration lockoutWindow = Duration.minutes(15);

    @JsonProperty
    public int getMaxFailedLogins() {
        return maxFailedLogins;
    }

    @JsonProperty
    public void setMaxFailedLogins(int maxFailedLogins) {
        this.maxFailedLogins = maxFailedLogins;
    }

    @JsonProperty
    public Duration getLockoutWindow() {
        return lockoutWindow;
    }

    @JsonProperty
    public void setLockoutWindow(Duration lockoutWindow) {
        this.lockoutWindow = lockoutWindow;
    }

    @JsonProperty
    public int getIterations() {
        return iterations;
    }

    @JsonProperty
    public void setIterations(int iterations) {
        this.iterations = iterations;
    }
}
