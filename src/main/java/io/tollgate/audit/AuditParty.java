package io.tollgate.audit;

import java.util.Objects;

/**
 * Who acted or what was acted on: a kind ("user", "client", "group", "token", "system"), the database id when
 * there is one, and a display name (username, client_id, group name). Never a secret.
 */
public record AuditParty(String kind, Long id, String name) {
    public static final AuditParty SYSTEM = new AuditParty("system", null, "system");

    public AuditParty {
        Objects.requireNonNull(kind, "kind");
        name = AuditEvent.clip(name == null ? "" : name, 150);
    }

    public static AuditParty user(long id, String username) {
        return new AuditParty("user", id, username);
    }

    public static AuditParty client(String clientId) {
        return new AuditParty("client", null, clientId);
    }

    public static AuditParty application(long id, String clientId) {
        return new AuditParty("client", id, clientId);
    }

    public static AuditParty group(long id, String name) {
        return new AuditParty("group", id, name);
    }

    public static AuditParty token(long id, String kindOfToken) {
        return new AuditParty("token", id, kindOfToken);
    }
}
