package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * The access-token validator judged a presented token (API bearer check, userinfo, introspection). Carries only
 * the verdict: one is published per API request, so it is counted by metrics and not written to the audit trail.
 */
public record AccessTokenChecked(Instant at, Result result) implements ProtocolEvent {

    public enum Result {
        VALID,
        EXPIRED,
        /** Stored, but revoked before its time. */
        REVOKED,
        /** Stored and unexpired, but its user was deactivated. */
        USER_INACTIVE,
        /** Well-formed, but no format vouches for it or it is not stored. */
        UNKNOWN,
        /** Empty, or not RFC 6750 b64token syntax: not even a candidate. */
        MALFORMED
    }
}
