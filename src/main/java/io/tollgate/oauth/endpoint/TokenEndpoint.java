package io.tollgate.oauth.endpoint;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.client.ClientAuthenticator;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.event.TokenRequestFailed;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A token request (RFC 6749 §3.2) after the web layer has parsed it: authenticate the client, hand the grant to
 * its handler. A refusal is published ({@link TokenRequestFailed}) before it propagates, so metrics can count
 * errors by code and the audit trail can say why a client was refused; success is already published by the
 * token service ({@code TokenIssued}).
 */
public record TokenEndpoint(ClientAuthenticator clients, GrantHandlers grants, ProtocolEventPublisher events,
                            Clock clock) {

    /** @param clientAddress where the request came from, as the web layer resolved it (nullable) */
    public TokenResponse respond(String authorization, Map<String, List<String>> form, String clientAddress) {
        Client client = null;
        try {
            client = clients.authenticate(authorization, form, clientAddress);
            return grants.dispatch(client, new TokenParameters(form, clientAddress));
        } catch (OAuthException e) {
            refused(form, e.error(), client);
            throw e;
        } catch (RuntimeException e) {
            // A database outage and the like: not a refusal, but an operator counts these first.
            refused(form, OAuthError.SERVER_ERROR.code(), client);
            throw e;
        }
    }

    private void refused(Map<String, List<String>> form, String error, Client client) {
        events.publish(new TokenRequestFailed(clock.instant(), registeredGrant(form), error,
                client == null ? null : client.clientId()));
    }

    /** The grant type as registered, never the caller's raw text (it becomes a metric label). */
    private String registeredGrant(Map<String, List<String>> form) {
        List<String> values = form == null ? null : form.get("grant_type");
        if (values == null || values.size() != 1 || values.get(0) == null) {
            return null;
        }
        String given = values.get(0);
        return grants.grantTypes().stream().filter(type -> type.wireName().equals(given))
                .map(GrantType::wireName).findFirst().orElse(null);
    }
}
