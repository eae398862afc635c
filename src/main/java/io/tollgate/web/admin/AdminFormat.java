package io.tollgate.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console shows instants: UTC, to the second, the same everywhere (audit lines are UTC too). */
final class AdminFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AdminFormat() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
