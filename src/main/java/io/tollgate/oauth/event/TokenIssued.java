package io.tollgate.oauth.event;

import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;

/**
 * A grant issued an access token (and maybe a refresh token with it).
 *
 * @param userId          null for a client acting for itself
 * @param accessTokenHash SHA-256 hex of the access token
 */
public record TokenIssued(Instant at, String clientId, Long userId, String grantType, String familyId,
                          String accessTokenHash, boolean withRefreshToken, ScopeSet scope) implements ProtocolEvent {
}
