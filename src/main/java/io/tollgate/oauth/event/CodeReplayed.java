package io.tollgate.oauth.event;

import java.time.Instant;

/** An authorization code was presented after it had been redeemed; what it yielded is revoked. */
public record CodeReplayed(Instant at, long clientDbId, String familyId) implements ProtocolEvent {
}
