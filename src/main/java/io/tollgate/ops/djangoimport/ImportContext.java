package io.tollgate.ops.djangoimport;

import io.tollgate.ops.djangoimport.ImportReport.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
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

    long sourceLong(String sql) {
        try (Statement statement = source.connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the Django database failed: " + e.getMessage(), e);
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
