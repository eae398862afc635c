package io.tollgate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the PostgreSQL used by the tests lives; TEST_POSTGRES_URL/USER/PASSWORD override the local default. */
public final class PostgresServer {
    private PostgresServer() {
    }

    public static String url() {
        return env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return env("TEST_POSTGRES_USER", "postgres");
    }

    public static String password() {
        return env("TEST_POSTGRES_PASSWORD", "");
    }

    /** Null when reachable, else why not. */
    public static String unreachableReason() {
        try (Connection ignored = DriverManager.getConnection(url(), user(), password())) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + url() + " is unreachable: " + e.getMessage();
        }
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
