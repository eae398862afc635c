package io.tollgate.persistence;

import io.tollgate.oauth.model.ScopeSet;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

/** Small conversions shared by the Jdbi stores. */
final class Sql {
    /** SQL:2011 "unique violation"; both H2 and PostgreSQL report it. */
    static final String UNIQUE_VIOLATION = "23505";
    /** SQL "foreign key violation": 23503 on PostgreSQL; H2 says 23506 when the referenced row is missing. */
    static boolean isForeignKeyViolation(Throwable error) {
        String state = sqlState(error);
        return "23503".equals(state) || "23506".equals(state);
    }
    /** H2's "concurrent update" (two transactions updated one row): the loser of a conditional update. */
    static final String H2_CONCURRENT_UPDATE = "90131";

    private Sql() {
    }

    /**
     * Whether the handle talks to PostgreSQL, for the few statements written twice: once in the SQL both databases
     * speak, once in PostgreSQL's (writable common table expressions, RETURNING) to save round trips. The driver
     * answers from what it learnt at connect time, without asking the server.
     */
    static boolean isPostgres(Handle handle) {
        try {
            return handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static ScopeSet scope(ResultSet rs, String column) throws SQLException {
        return ScopeSet.parse(rs.getString(column));
    }

    /** The SQLState of the first SQLException in the cause chain, or null. */
    static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * PostgreSQL: rows written as one {@code INSERT … SELECT * FROM unnest(…)}, one array a column, so a batch costs
     * one statement, one round trip and one commit however many rows it holds. Every array goes as text and is cast
     * (a column absent from {@code types} is VARCHAR), so every column type binds alike.
     *
     * @param columns the table's columns, also the parameters' names
     */
    static String unnestInsert(String table, List<String> columns, Map<String, String> types) {
        List<String> casts = columns.stream()
                .map(column -> "CAST(:" + column + " AS " + types.getOrDefault(column, "VARCHAR") + "[])").toList();
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT * FROM unnest("
                + String.join(", ", casts) + ")";
    }

    /**
     * Binds {@code rows} (each in {@code columns} order, as text; nulls stay null) to {@link #unnestInsert}'s arrays.
     * Each array is made by the driver directly: Jdbi's {@code bindArray} resolved the element's generic type anew for
     * every column of every batch (a twentieth of a token request's allocations).
     */
    static <S extends SqlStatement<S>> S bindColumns(S statement, List<String> columns, List<List<String>> rows) {
        for (int i = 0; i < columns.size(); i++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.get(r).get(i);
            }
            statement.bind(columns.get(i), (Argument) (position, prepared, context) -> {
                Array array = context.getConnection().createArrayOf("varchar", values);
                context.addCleanable(array::free);
                prepared.setArray(position, array);
            });
        }
        return statement;
    }

    /** A nullable number as text, for {@link #bindColumns}. */
    static String text(Long value) {
        return value == null ? null : value.toString();
    }
}
