package io.tollgate.web.ui;

import io.tollgate.TollgateApplication;
import io.tollgate.oauth.MutableClock;
import java.time.Instant;

/** The real application on a clock the tests move (one per test class, via subclasses). */
public class ClockedApp extends TollgateApplication {
    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    public ClockedApp() {
        super(CLOCK);
    }
}
