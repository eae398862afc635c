package io.tollgate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON shape of an event, shared by the audit log lines and the audit API. */
public final class AuditJson {
    private final ObjectMapper mapper;

    public AuditJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode toJson(AuditEvent event, Long id) {
        ObjectNode node = mapper.createObjectNode();
        if (id != null) {
            node.put("id", id);
        }
        node.put("time", event.time().toString());
        node.put("type", event.type());
        node.put("outcome", event.outcome().wireName());
        node.set("actor", party(event.actor()));
        if (event.subject() != null) {
            node.set("subject", party(event.subject()));
        } else {
            node.putNull("subject");
        }
        node.put("client_id", event.clientId());
        node.put("client_address", event.clientAddress());
        node.put("request_id", event.requestId());
        ObjectNode details = node.putObject("details");
        event.details().forEach(details::put);
        return node;
    }

    public String line(AuditEvent event) {
        try {
            return mapper.writeValueAsString(toJson(event, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render audit event " + event.type(), e);
        }
    }

    private ObjectNode party(AuditParty party) {
        ObjectNode node = mapper.createObjectNode();
        node.put("kind", party.kind());
        if (party.id() != null) {
            node.put("id", party.id());
        } else {
            node.putNull("id");
        }
        node.put("name", party.name());
        return node;
    }
}
