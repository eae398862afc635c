package io.tollgate.ops.djangoimport;

import io.tollgate.ops.cli.CommandException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/** The Django database read by importdjango: PostgreSQL by JDBC URL, or a SQLite file; opened read-only. */
public record SourceDatabase(Connection connection, String description, boolean sqlite) implements AutoCloseable {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param env     DJANGO_DATABASE_USER / DJANGO_DATABASE_PASSWORD are read from here
     * @param console prompts for the PostgreSQL password when the environment has none; null when not a terminal
     */
    public static SourceDatabase open(String source, Map<String, String> env, Console console) throws SQLException {
        if (source.startsWith("jdbc:postgresql:")) {
            return postgres(source, env, console);
        }
        if (source.startsWith("jdbc:")) {
            throw new CommandException("unsupported source " + source.split("\\?")[0]
                    + ": give a jdbc:postgresql:// URL or the path of a SQLite file");
        }
        return sqlite(Path.of(source));
    }

    private static SourceDatabase postgres(String url, Map<String, String> env, Console console) throws SQLException {
        Properties properties = new Properties();
        String user = env.get("DJANGO_DATABASE_USER");
        String password = env.get("DJANGO_DATABASE_PASSWORD");
        if (password == null && console != null) {
            char[] typed = console.readPassword("Password for the Django database (empty for none): ");
            password = typed == null ? "" : new String(typed);
            if (typed != null) {
                Arrays.fill(typed, '\0');
            }
        }
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("readOnly", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        // Without a transaction PostgreSQL's driver ignores the fetch size and reads whole tables into memory.
        connection.setAutoCommit(false);
        return new SourceDatabase(connection, "PostgreSQL " + url.split("\\?")[0], false);
    }

    private static SourceDatabase sqlite(Path file) throws SQLException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CommandException(file + " is not a readable file (give a SQLite file or a jdbc:postgresql:// URL)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (!Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER)) {
                throw new CommandException(file + " is not a SQLite database");
            }
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        return new SourceDatabase(connection, "SQLite " + file, true);
    }

    @Override
    public void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        connection.close();
    }
}
