package io.tollgate.admin;

import io.tollgate.audit.AuditParty;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.users.User;
import io.tollgate.users.UserStore;

/**
 * The operator's emergency switches by name, for the admin tasks and the command line (the console pages act on
 * ids): revoke a user's tokens, revoke an application's tokens, disable an application. Each goes through
 * {@link AdminTokens}, so it forgets cached checks and records an audit event naming the operator's tool.
 */
public record OperatorActions(AdminTokens tokens, UserStore users, ClientStore clients) {
    public static final AuditParty ADMIN_TASK = new AuditParty("operator", null, "admin task");
    public static final AuditParty COMMAND_LINE = new AuditParty("operator", null, "command line");

    /** @return what it did, as one line; throws {@link UnknownTarget} when there is no such user */
    public String revokeUserTokens(AuditParty actor, String source, String username) {
        User user = users.findByUsername(required(username, "user"))
                .orElseThrow(() -> new UnknownTarget("No user named '" + username + "'."));
        int count = tokens.revokeUserTokens(actor, user.id(), user.username(), source);
        return "revoked " + count + " tokens of user " + user.username() + " (id " + user.id() + ")";
    }

    public String revokeClientTokens(AuditParty actor, String source, String clientId) {
        Client client = client(clientId);
        int count = tokens.revokeApplicationTokens(actor, client.id(), client.clientId(), source);
        return "revoked " + count + " tokens of application " + client.clientId() + " (id " + client.id() + ")";
    }

    public String disableClient(AuditParty actor, String source, String clientId) {
        Client client = client(clientId);
        int revoked = tokens.disableApplication(actor, client.id(), client.clientId(), source)
                .orElseThrow(() -> new UnknownTarget("No application with client_id '" + clientId + "'."));
        return "disabled application " + client.clientId() + " (id " + client.id() + "), revoked " + revoked
                + " tokens";
    }

    private Client client(String clientId) {
        return clients.findByClientId(required(clientId, "client_id"))
                .orElseThrow(() -> new UnknownTarget("No application with client_id '" + clientId + "'."));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new UnknownTarget("Missing " + name + "=...");
        }
        return value;
    }

    /** The named user or application does not exist, or no name was given: nothing was changed. */
    public static final class UnknownTarget extends RuntimeException {
        public UnknownTarget(String message) {
            super(message);
        }
    }
}
