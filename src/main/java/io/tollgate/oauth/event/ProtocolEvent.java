package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * Something that happened in the protocol and that other parts react to: the token cache, the audit trail,
 * metrics, other nodes. Small immutable records carrying ids (token hash, family id, user id, client id),
 * never a plaintext token or secret. Published after the change is stored.
 */
public sealed interface ProtocolEvent permits TokenIssued, TokenRevoked, FamilyRevoked, CodeReplayed,
        AuthorizationRevoked, ClientChanged, ClientDeleted, UserChanged, UserDeactivated, UserDeleted, LoginFailed,
        LoginSucceeded, TokenRequestFailed, AccessTokenChecked, TokenIntrospected, ConsentGranted,
        TokensRevokedByOperator, SignedOut {

    /** When it happened, by the server's clock. */
    Instant at();
}
