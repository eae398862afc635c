package io.tollgate.ops.djangoimport;

import io.tollgate.ops.djangoimport.ImportReport.Kind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/** What every phase of an import shares: the source, the target, the id maps, the report, the mode. */
final class ImportContext {
    /** What a phase does with its rows. */
    enum Mode {
        /** write to Tollgate */
        WRITE,
        /** decide and report, write nothing (--dry-run) */
        PLAN,
        /** the part was left out by --only: only learn which source ids Tollgate already has, report nothing */
        MAP_ONLY
    }

    /** Reads one source row into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Handles one batch of source rows; a writing batch is one transaction. */
    @FunctionalInterface
    interface BatchHandler<T> {
        void handle(List<T> rows);
    }

    /** Sets one row's parameters, by position. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private static final DateTimeFormatter SQLITE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    final SourceDatabase source;
    final DotSchema schema;
    final Jdbi target;
    final boolean postgresTarget;
    final ImportReport report;
    final Progress progress;
    final Clock clock;
    final int batchSize;
    /** Source id → Tollgate id, for rows Tollgate has or (in a dry run) would have. */
    final Map<Long, Long> users = new HashMap<>();
    final Map<Long, Long> groups = new HashMap<>();
    final Map<Long, Long> applications = new HashMap<>();

    ImportContext(SourceDatabase source, DotSchema schema, Jdbi target, ImportReport report, Progress progress,
                  Clock clock, int batchSize) throws SQLException {
        this.source = source;
        this.schema = schema;
        this.target = target;
        this.postgresTarget = target.withHandle(handle ->
                handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
        this.report = report;
        this.progress = progress;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Streams a query's rows in batches; only one batch is in memory at a time. */
    <T> void stream(String label, String table, String sql, RowReader<T> reader, BatchHandler<T> handler) {
        try (Statement statement = source.connection().createStatement()) {
            long total;
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                count.next();
                total = count.getLong(1);
            }
            progress.start(label, total);
            statement.setFetchSize(batchSize);
            try (ResultSet rs = statement.executeQuery(sql)) {
                List<T> batch = new ArrayList<>(batchSize);
                while (rs.next()) {
                    batch.add(reader.read(rs));
                    if (batch.size() == batchSize) {
                        handler.handle(batch);
                        progress.advance(batch.size());
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    handler.handle(batch);
                    progress.advance(batch.size());
                }
            }
            progress.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + table + " from the Django database failed: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts rows as one JDBC batch. Plain positional JDBC rather than Jdbi's named binding: on a million tokens
     * the binding, not the database, was most of the import's CPU time. On PostgreSQL the import's connections
     * rewrite a batch into multi-row INSERTs (reWriteBatchedInserts, set by ImportDjangoCommand).
     */
    static <T> void insertAll(Handle handle, String sql, List<T> rows, RowBinder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing to Tollgate failed: " + firstLine(e), e);
        }
    }

    /**
     * The values of {@code column} in {@code table} among {@code keys}: one query per batch, so a re-run learns
     * what is already there without a lookup per row.
     */
    static Set<String> present(Handle handle, String table, String column, Collection<String> keys) {
        Set<String> out = new HashSet<>();
        lookup(handle, "SELECT " + column + " FROM " + table + " WHERE " + column, keys, rs -> out.add(rs.getString(1)));
        return out;
    }

    /** Reads one row of a lookup's result. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code selectWhereColumn} + " IN (keys)" and hands each row to {@code consumer}: one query per batch. */
    static void lookup(Handle handle, String selectWhereColumn, Collection<String> keys, RowConsumer consumer) {
        if (keys.isEmpty()) {
            return;
        }
        String sql = selectWhereColumn + " IN (" + String.join(",", Collections.nCopies(keys.size(), "?")) + ")";
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            int i = 1;
            for (String key : keys) {
                statement.setString(i++, key);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading Tollgate failed: " + firstLine(e), e);
        }
    }

    /** A driver's message without the statement it may append (here thousands of placeholders). */
    static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int statement = message.indexOf("; SQL statement:");
        message = statement >= 0 ? message.substring(0, statement) : message;
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        // Tollgate's columns are TIMESTAMP WITH TIME ZONE: an OffsetDateTime says the instant without the JVM's zone.
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    long sourceLong(String sql) {
        try (Statement statement = source.connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the Django database failed: " + e.getMessage(), e);
        }
    }

    /** One batch's writes (and the reads they depend on) as one transaction. */
    void useTransaction(HandleConsumer<RuntimeException> work) {
        target.useTransaction(handle -> {
            untimed(handle);
            work.useHandle(handle);
        });
    }

    void useHandle(HandleConsumer<RuntimeException> work) {
        target.useHandle(handle -> {
            untimed(handle);
            work.useHandle(handle);
        });
    }

    /**
     * H2 keeps a JDBC statement's query time-out on its session, so the pool's validation query (1 s) leaves a
     * pooled connection timing out every later statement; on a busy machine a batch of thousands of rows took
     * longer. The import, like `db migrate`, runs without a statement time-out (PostgreSQL's is per statement).
     */
    private void untimed(Handle handle) {
        if (!postgresTarget) {
            handle.execute("SET QUERY_TIMEOUT 0");
        }
    }

    /** The first id a mapped row may take: above every id in the source and in Tollgate. */
    long firstMappedId(String sourceTable, String targetTable) {
        long sourceMax = sourceLong("SELECT COALESCE(MAX(id), 0) FROM " + sourceTable);
        long targetMax = target.withHandle(handle -> handle.createQuery(
                "SELECT COALESCE(MAX(id), 0) FROM " + targetTable).mapTo(Long.class).one());
        return Math.max(sourceMax, targetMax) + 1;
    }

    /**
     * Moves the table's id generator past {@code lastUsable}, so rows the server creates meanwhile (and after)
     * never take an id this import writes explicitly.
     */
    void reserveIdsUpTo(Handle handle, String table, long lastUsable) {
        if (postgresTarget) {
            handle.createQuery("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), GREATEST(:last, "
                            + "nextval(pg_get_serial_sequence('" + table + "', 'id'))))")
                    .bind("last", lastUsable).mapTo(Long.class).one();
        } else {
            long current = handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM " + table).mapTo(Long.class).one();
            handle.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (Math.max(current, lastUsable) + 1));
        }
    }

    void skip(Kind kind, String reason) {
        report.skipped(kind, reason);
    }

    /** Timestamps as PostgreSQL returns them, or as Django writes them into SQLite text columns (UTC). */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        var parsed = SQLITE_TIME.parse(value.toString().strip());
        return parsed.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(parsed).toInstant()
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static boolean hasNul(String... values) {
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }
}
