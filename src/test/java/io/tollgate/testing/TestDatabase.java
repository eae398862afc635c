package io.tollgate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A private, migrated database for one test class: an H2 in-memory database, or a fresh schema in the
 * PostgreSQL named by TEST_POSTGRES_URL (default the local `test` database), so classes never see each
 * other's rows. Created on first use, so a class that is skipped never connects.
 */
public final class TestDatabase {
    public enum Kind { H2, POSTGRES }

    private final Kind kind;
    private final String name;
    private String url;
    private String externalUser;

    private TestDatabase(Kind kind, String name) {
        this.kind = kind;
        this.name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static TestDatabase h2(String name) {
        return new TestDatabase(Kind.H2, name);
    }

    public static TestDatabase postgres(String name) {
        return new TestDatabase(Kind.POSTGRES, name);
    }

    /** A database someone else created (e.g. an H2 TCP server a test controls); migrated on first use. */
    public static TestDatabase external(String url) {
        TestDatabase database = new TestDatabase(Kind.H2, "external");
        database.url = url;
        database.migrate();
        return database;
    }

    /** A PostgreSQL database someone else runs (e.g. a throwaway cluster), as this user; migrated now. */
    public static TestDatabase externalPostgres(String url, String user) {
        TestDatabase database = new TestDatabase(Kind.POSTGRES, "external");
        database.url = url;
        database.externalUser = user;
        database.migrate();
        return database;
    }

    public static TestDatabase of(Kind kind, String name) {
        return new TestDatabase(kind, name);
    }

    public Kind kind() {
        return kind;
    }

    /** The JDBC URL of this class's database, creating and migrating it on first call. */
    public synchronized String url() {
        if (url == null) {
            url = kind == Kind.H2 ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" : createPostgresSchema();
            migrate();
        }
        return url;
    }

    public String user() {
        if (externalUser != null) {
            return externalUser;
        }
        return kind == Kind.H2 ? "sa" : PostgresServer.user();
    }

    public String password() {
        return kind == Kind.H2 || externalUser != null ? "" : PostgresServer.password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /** Drops the PostgreSQL schema; an H2 in-memory database goes with the JVM. */
    public synchronized void drop() {
        if (kind != Kind.POSTGRES || url == null || externalUser != null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(PostgresServer.url(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + name, e);
        }
    }

    private String createPostgresSchema() {
        try (Connection connection = DriverManager.getConnection(PostgresServer.url(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PostgresServer.url() + " is not usable: " + e.getMessage(), e);
        }
        String base = PostgresServer.url();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @SuppressWarnings("deprecation") // Liquibase's command API is wordier and does the same here.
    private void migrate() {
        try (Connection connection = DriverManager.getConnection(url, user(), password())) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase("migrations.xml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        } catch (Exception e) {
            throw new IllegalStateException("Could not migrate test database " + url, e);
        }
    }
}
