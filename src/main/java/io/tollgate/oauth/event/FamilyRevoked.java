package io.tollgate.oauth.event;

import java.time.Instant;

/** Every token of one grant (family) was revoked at once. */
public record FamilyRevoked(Instant at, String familyId, Reason reason) implements ProtocolEvent {

    public enum Reason {
        /** A rotated refresh token came back (RFC 9700 §4.14.2): two parties hold it. */
        REFRESH_TOKEN_REUSED,
        /** An authorization code was redeemed twice (RFC 6749 §4.1.2). */
        CODE_REPLAYED,
        /** The client revoked a refresh token, and with it the grant (RFC 7009 §2.1). */
        CLIENT_REQUEST
    }
}
