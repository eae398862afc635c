package io.tollgate.web.ui;

import io.tollgate.TollgateApplication;
import io.tollgate.oauth.MutableClock;
import java.time.Instant;

/**
 * The real application on a clock the tests move. Each instance has its own clock, so two test classes running
 * against two apps never move each other's time.
 */
public class ClockedApp extends TollgateApplication {
    private final MutableClock clock;

    public ClockedApp() {
        this(new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));
    }

    private ClockedApp(MutableClock clock) {
        super(clock);
        this.clock = clock;
    }

    public MutableClock clock() {
        return clock;
    }
}
