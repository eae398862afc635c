package io.tollgate.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Throttles failed credential checks, shared by every node through the {@link ThrottleStore}. Call
 * {@link #begin} before spending a password hash: it throws {@link Throttled} when the (subject, address) pair is
 * backing off, or when the subject's ceiling across all addresses is reached and this address has not
 * authenticated as the subject recently. Then report the outcome on the returned {@link Attempt}.
 *
 * <p>Unknown subjects are counted like known ones, so the throttle tells nothing about which exist. A throttled
 * attempt is not counted: it checked nothing, and counting it would let an attacker keep a block alive without
 * ever waiting.
 */
public record AttemptThrottle(ThrottleStore store, Clock clock, ThrottlePolicy login, ThrottlePolicy client,
                              ThrottleObserver observer) {
    /** What is being guessed. */
    public enum Kind { LOGIN, CLIENT }

    public AttemptThrottle {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(observer, "observer");
    }

    /**
     * @param subject the username or client_id as presented; null counts as the empty string
     * @param address the client's address as the web layer resolved it; null counts as "unknown"
     * @throws Throttled when the attempt must wait; nothing was checked or counted
     */
    public Attempt begin(Kind kind, String subject, String address) {
        String who = subject == null ? "" : subject;
        String where = address == null ? "unknown" : address;
        String pairKey = key(kind, "address", who, where);
        String subjectKey = key(kind, "subject", who, "");
        Map<String, ThrottleState> rows = store.find(List.of(pairKey, subjectKey));
        ThrottleState pair = rows.getOrDefault(pairKey, ThrottleState.NONE);
        ThrottleState ceiling = rows.getOrDefault(subjectKey, ThrottleState.NONE);
        Instant now = clock.instant();
        if (pair.blockedAt(now)) {
            throw refuse(kind, who, where, Duration.between(now, pair.blockedUntil()), false);
        }
        if (ceiling.blockedAt(now) && !pair.trustedAt(now)) {
            throw refuse(kind, who, where, Duration.between(now, ceiling.blockedUntil()), true);
        }
        return new Attempt(kind == Kind.LOGIN ? login : client, pairKey, subjectKey, pair);
    }

    private Throttled refuse(Kind kind, String subject, String address, Duration wait, boolean ceiling) {
        observer.refused(kind, subject, address, wait, ceiling);
        return new Throttled(wait);
    }

    /** One credential check that the throttle let through; report how it went, once. */
    public final class Attempt {
        private final ThrottlePolicy policy;
        private final String pairKey;
        private final String subjectKey;
        private final ThrottleState pairSeen;

        private Attempt(ThrottlePolicy policy, String pairKey, String subjectKey, ThrottleState pairSeen) {
            this.policy = policy;
            this.pairKey = pairKey;
            this.subjectKey = subjectKey;
            this.pairSeen = pairSeen;
        }

        public void failed() {
            Instant now = clock.instant();
            store.update(pairKey, current -> policy.perAddress().afterFailure(current, now));
            store.update(subjectKey, current -> policy.perSubject().afterFailure(current, now));
        }

        /**
         * Clears this address's count and trusts it past the subject's ceiling. The subject's own count is kept:
         * the owner signing in must not hand an attacker a fresh allowance.
         */
        public void succeeded() {
            Instant now = clock.instant();
            Instant trustedUntil = now.plus(policy.trustFor());
            // Most logins come from an address already clean and trusted for long enough: no write then.
            boolean clean = pairSeen.failures() == 0 && pairSeen.blockedUntil() == null;
            if (clean && pairSeen.trustedUntil() != null
                    && pairSeen.trustedUntil().isAfter(now.plus(policy.trustFor().dividedBy(2)))) {
                return;
            }
            store.update(pairKey, current -> new ThrottleState(0, null, null,
                    ThrottleRule.latest(current.trustedUntil(), trustedUntil), ThrottleRule.latest(current.trustedUntil(), trustedUntil)));
        }
    }

    /** A fixed-length key: the store never holds a username, client id or address, and NUL bytes cannot reach SQL. */
    static String key(Kind kind, String scope, String subject, String address) {
        String text = kind + "\n" + scope + "\n"
                + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "\n" + address;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
