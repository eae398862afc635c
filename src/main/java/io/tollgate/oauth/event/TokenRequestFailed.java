package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * The token endpoint refused a request (or failed on it), so operators can count refusals by grant and error code
 * and the audit trail can say why a client got its 400 or 401.
 *
 * @param grantType the registered grant's wire name, or null when the request named none or an unknown one
 *                  (anything a caller types is left out, which bounds the metric labels)
 * @param error     the RFC 6749 error code answered ({@code server_error} for a failure that was not a refusal)
 * @param clientId  the authenticated client, or null when client authentication itself failed
 */
public record TokenRequestFailed(Instant at, String grantType, String error, String clientId)
        implements ProtocolEvent {
}
