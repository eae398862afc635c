package io.tollgate.oauth.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage of device authorizations (hashes only). Every state change is one conditional update, so concurrent
 * requests (two polls, an approval racing a denial) have exactly one winner.
 */
public interface DeviceCodeStore {

    /** Inserts a new pending authorization; false when its user code hash is already taken (try another code). */
    boolean insert(DeviceCode code);

    Optional<DeviceCode> findByDeviceCode(String deviceCodeHash);

    Optional<DeviceCode> findByUserCode(String userCodeHash);

    /**
     * Records a poll at {@code now}, but only if the last recorded poll is still {@code expectedLastPolled}
     * (null: never polled). False means another poll was recorded in between.
     */
    boolean recordPoll(long id, Instant expectedLastPolled, Instant now);

    /** RFC 8628 §3.5 slow_down: records the poll and lengthens the interval by {@code by}. */
    void slowDown(long id, Instant now, Duration by);

    /** Counts one more showing of the consent page, unless {@code max} were already counted: then false. */
    boolean countVerification(long id, int max);

    /**
     * pending → approved or denied by {@code userId}, only while still pending and unexpired at {@code now};
     * false otherwise (decided already, expired, or gone).
     */
    boolean decide(long id, DeviceCodeStatus decision, long userId, Instant now);

    /** approved → consumed, for exactly one caller; false for everyone else. */
    boolean consume(long id, Instant now);
}
