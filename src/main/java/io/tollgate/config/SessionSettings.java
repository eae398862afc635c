package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.concurrent.TimeUnit;

/** Browser sign-in sessions (config key {@code sessions}). */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class SessionSettings {
    private static final String COOKIE_NAME = "[A-Za-z0-9_-]{1,64}";

    /** A session unused this long is over; every request within it extends it. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration idleTimeout = Duration.hours(2);

    @NotNull
    @Pattern(regexp = COOKIE_NAME)
    private String cookieName = "tollgate_session";

    @NotNull
    @Pattern(regexp = COOKIE_NAME)
    private String csrfCookieName = "tollgate_csrf";

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public String getCookieName() {
        return cookieName;
    }

    public String getCsrfCookieName() {
        return csrfCookieName;
    }
}
