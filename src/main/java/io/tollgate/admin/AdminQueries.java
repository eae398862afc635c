package io.tollgate.admin;

import io.tollgate.users.Page;
import java.time.Instant;
import java.util.List;

/** What the operator console reads and changes beyond the users, groups and client ports. */
public interface AdminQueries {

    /** Users whose username or email contains {@code search} (case-insensitive; all when null), by id. */
    Page<UserRow> searchUsers(String search, int offset, int limit);

    List<UserRow> groupMembers(long groupId);

    /** Every application with its owner, token counts and status, by id. */
    List<ApplicationRow> applications(Instant now);

    /** Tokens matching the filter, newest first; never their values (only hashes are stored anyway). */
    Page<TokenRow> searchTokens(TokenFilter filter, Instant now, int offset, int limit);

    /** Revokes every live access and refresh token of the user; returns how many changed. */
    int revokeUserTokens(long userId, Instant at);

    /** Revokes every live access and refresh token of the application; returns how many changed. */
    int revokeApplicationTokens(long applicationId, Instant at);

    /** Revokes one token (and, for a refresh token, the access tokens issued with it); true if it changed. */
    boolean revokeToken(TokenKind kind, long id, Instant at);

    /** The token's user, client and family, for the audit event and the cache; empty when there is none. */
    java.util.Optional<TokenRow> findToken(TokenKind kind, long id, Instant now);

    /** Marks the application disabled at {@code at}, or enabled when {@code at} is null; false if none. */
    boolean setDisabled(long applicationId, Instant at);

    /** Moves the application's last use forward to {@code at} (never back); unknown client ids change nothing. */
    void recordUse(String clientId, Instant at);

    /** When the application was disabled, if it is. */
    java.util.Optional<Instant> disabledSince(long applicationId);

    record UserRow(long id, String username, String email, boolean active, boolean staff, boolean superuser,
                   Instant lastLogin) {
    }

    record ApplicationRow(long id, String clientId, String name, Long ownerId, String ownerUsername,
                          String clientType, String grantTypes, String allowedScopes, Instant created,
                          Instant disabled, long activeAccessTokens, long activeRefreshTokens, Instant lastUsed) {
    }

    enum TokenKind { ACCESS, REFRESH }

    enum TokenStatus { ACTIVE, EXPIRED, REVOKED }

    /** Every field optional; {@code user} is a username, {@code client} a client_id. */
    record TokenFilter(String user, String client, String family, TokenStatus status) {
    }

    record TokenRow(TokenKind kind, long id, String clientId, Long userId, String username, String familyId,
                    String scope, Instant created, Instant expires, Instant revoked, TokenStatus status) {
    }
}
