package io.tollgate.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.audit.AuditQuery;
import io.tollgate.audit.AuditStore;
import io.tollgate.users.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** The audit_event table: batched inserts from the audit writer's thread, filtered reads for the console. */
public record JdbiAuditStore(Jdbi jdbi, ObjectMapper mapper) implements AuditStore {
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() { };
    private static final String COLUMNS = "id, event_time, event_type, outcome, actor_kind, actor_id, actor_name, "
            + "subject_kind, subject_id, subject_name, client_id, client_address, request_id, details";

    private static final List<String> INSERT_COLUMNS = List.of("event_time", "event_type", "outcome", "actor_kind",
            "actor_id", "actor_name", "subject_kind", "subject_id", "subject_name", "client_id", "client_address",
            "request_id", "details");
    private static final Map<String, String> ARRAY_TYPES = Map.of("event_time", "TIMESTAMP WITH TIME ZONE",
            "actor_id", "BIGINT", "subject_id", "BIGINT");
    private static final String INSERT_FROM_ARRAYS = Sql.unnestInsert("audit_event", INSERT_COLUMNS, ARRAY_TYPES);

    public JdbiAuditStore {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public void write(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> {
            if (Sql.isPostgres(handle)) {
                insertAsArrays(handle, events);
            } else {
                handle.useTransaction(h -> insertAsBatch(h, events));
            }
        });
    }

    /** PostgreSQL: the whole batch as one statement ({@link Sql#unnestInsert}). */
    private void insertAsArrays(Handle handle, List<AuditEvent> events) {
        Sql.bindColumns(handle.createUpdate(INSERT_FROM_ARRAYS), INSERT_COLUMNS,
                events.stream().map(this::textRow).toList()).execute();
    }

    /** One event as text, in {@link #INSERT_COLUMNS} order (nulls stay null). */
    private List<String> textRow(AuditEvent e) {
        AuditParty subject = e.subject();
        return Arrays.asList(e.time().toString(), e.type(), e.outcome().wireName(), e.actor().kind(),
                Sql.text(e.actor().id()), e.actor().name(), subject == null ? null : subject.kind(),
                subject == null ? null : Sql.text(subject.id()), subject == null ? null : subject.name(), e.clientId(),
                e.clientAddress(), e.requestId(), json(e.details()));
    }

    private void insertAsBatch(Handle h, List<AuditEvent> events) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO audit_event (event_time, event_type, outcome, actor_kind, "
                + "actor_id, actor_name, subject_kind, subject_id, subject_name, client_id, client_address, "
                + "request_id, details) VALUES (:time, :type, :outcome, :actorKind, :actorId, :actorName, "
                + ":subjectKind, :subjectId, :subjectName, :clientId, :clientAddress, :requestId, :details)");
        for (AuditEvent e : events) {
            AuditParty subject = e.subject();
            batch.bind("time", e.time()).bind("type", e.type()).bind("outcome", e.outcome().wireName())
                    .bind("actorKind", e.actor().kind()).bind("actorId", e.actor().id())
                    .bind("actorName", e.actor().name())
                    .bind("subjectKind", subject == null ? null : subject.kind())
                    .bind("subjectId", subject == null ? null : subject.id())
                    .bind("subjectName", subject == null ? null : subject.name())
                    .bind("clientId", e.clientId()).bind("clientAddress", e.clientAddress())
                    .bind("requestId", e.requestId()).bind("details", json(e.details()))
                    .add();
        }
        batch.execute();
    }

    @Override
    public Page<StoredAuditEvent> find(AuditQuery query, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> args = new LinkedHashMap<>();
        if (query.from() != null) {
            where.add("event_time >= :from");
            args.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("event_time < :to");
            args.put("to", query.to());
        }
        if (query.userId() != null) {
            where.add("((actor_kind = 'user' AND actor_id = :userId) OR (subject_kind = 'user' AND subject_id = :userId))");
            args.put("userId", query.userId());
        } else if (query.user() != null) {
            where.add("((actor_kind = 'user' AND actor_name = :user) OR (subject_kind = 'user' AND subject_name = :user))");
            args.put("user", query.user());
        }
        if (query.client() != null) {
            where.add("client_id = :client");
            args.put("client", query.client());
        }
        if (query.type() != null) {
            where.add(query.typeIsPrefix() ? "event_type LIKE :type ESCAPE '!'" : "event_type = :type");
            args.put("type", query.typeIsPrefix() ? likePrefix(query.type()) : query.type());
        }
        if (query.outcome() != null) {
            where.add("outcome = :outcome");
            args.put("outcome", query.outcome().wireName());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return jdbi.inTransaction(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM audit_event" + filter);
            args.forEach(count::bind);
            long total = count.mapTo(Long.class).one();
            Query page = h.createQuery("SELECT " + COLUMNS + " FROM audit_event" + filter
                    + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
            args.forEach(page::bind);
            List<StoredAuditEvent> items = page.bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> row(rs)).list();
            return new Page<>(items, Math.max(total, items.size()));
        });
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private StoredAuditEvent row(ResultSet rs) throws SQLException {
        String subjectKind = rs.getString("subject_kind");
        AuditParty subject = subjectKind == null ? null
                : new AuditParty(subjectKind, Sql.nullableLong(rs, "subject_id"), rs.getString("subject_name"));
        AuditEvent event = new AuditEvent(Sql.instant(rs, "event_time"), rs.getString("event_type"),
                AuditOutcome.parse(rs.getString("outcome")),
                new AuditParty(rs.getString("actor_kind"), Sql.nullableLong(rs, "actor_id"), rs.getString("actor_name")),
                subject, rs.getString("client_id"), rs.getString("client_address"), rs.getString("request_id"),
                details(rs.getString("details")));
        return new StoredAuditEvent(rs.getLong("id"), event);
    }

    private String json(Map<String, String> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise audit details", e);
        }
    }

    private Map<String, String> details(String json) {
        try {
            return mapper.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", "true");
        }
    }
}
