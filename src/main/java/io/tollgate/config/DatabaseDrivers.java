package io.tollgate.config;

import java.util.Optional;

/** Maps a JDBC URL to its driver, so that setting DATABASE_URL alone switches databases. */
public final class DatabaseDrivers {
    private DatabaseDrivers() {
    }

    public static Optional<String> forUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Optional.of("org.postgresql.Driver");
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.of("org.h2.Driver");
        }
        return Optional.empty();
    }
}
