package io.tollgate.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
public final class AttemptThrottle {
    /** What is being guessed. */
    public enum Kind { LOGIN, CLIENT }

    private final ThrottleStore store;
    private final Clock clock;
    private final Map<Kind, ThrottlePolicy> policies;
    private final ThrottleObserver observer;
    /**
     * Client (client_id, address) pairs this node just read clean and trusted and then saw authenticate, until
     * when that reading is reused instead of read again: a client's token requests then cost no throttle read.
     * Any failure of the pair on this node drops its entry at once; failures counted by other nodes are seen
     * here within {@link #CLEAN_PAIR_REUSE} (at most one extra unthrottled check per node).
     */
    private final Map<CleanPair, Instant> cleanPairs = new ConcurrentHashMap<>();

    /**
     * The key of {@link #cleanPairs}: the pair itself, not its store key, so the reuse path hashes nothing (two
     * SHA-256 keys a token request were a twentieth of its allocations).
     */
    private record CleanPair(String client, String address) {
    }

    /** How long a clean, trusted client pair is taken as read; short next to any back-off step. */
    static final Duration CLEAN_PAIR_REUSE = Duration.ofSeconds(1);
    /** Bounds the map whatever the number of addresses. */
    static final int CLEAN_PAIRS_MAX = 10_000;

    public AttemptThrottle(ThrottleStore store, Clock clock, ThrottlePolicy login, ThrottlePolicy client,
                           ThrottleObserver observer) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.policies = new EnumMap<>(Kind.class);
        policies.put(Kind.LOGIN, Objects.requireNonNull(login, "login"));
        policies.put(Kind.CLIENT, Objects.requireNonNull(client, "client"));
    }

    /**
     * @param subject the username or client_id as presented; null counts as the empty string
     * @param address the client's address as the web layer resolved it; null counts as "unknown"
     * @throws Throttled when the attempt must wait; nothing was checked or counted
     */
    public Attempt begin(Kind kind, String subject, String address) {
        String who = subject == null ? "" : subject;
        String where = address == null ? "unknown" : address;
        Instant now = clock.instant();
        CleanPair clean = kind == Kind.CLIENT ? new CleanPair(who, where) : null;
        Instant reuseUntil = clean == null ? null : cleanPairs.get(clean);
        if (reuseUntil != null && now.isBefore(reuseUntil)) {
            return new Attempt(kind, policies.get(kind), who, where, null, null, ThrottleState.NONE, true);
        }
        String pairKey = key(kind, "address", who, where);
        String subjectKey = key(kind, "subject", who, "");
        Map<String, ThrottleState> rows = store.find(List.of(pairKey, subjectKey));
        ThrottleState pair = rows.getOrDefault(pairKey, ThrottleState.NONE);
        ThrottleState ceiling = rows.getOrDefault(subjectKey, ThrottleState.NONE);
        if (pair.blockedAt(now)) {
            throw refuse(kind, who, where, Duration.between(now, pair.blockedUntil()), false);
        }
        if (ceiling.blockedAt(now) && !pair.trustedAt(now)) {
            throw refuse(kind, who, where, Duration.between(now, ceiling.blockedUntil()), true);
        }
        return new Attempt(kind, policies.get(kind), who, where, pairKey, subjectKey, pair, false);
    }

    private Throttled refuse(Kind kind, String subject, String address, Duration wait, boolean ceiling) {
        observer.refused(kind, subject, address, wait, ceiling);
        return new Throttled(wait);
    }

    /** One credential check that the throttle let through; report how it went, once. */
    public final class Attempt {
        private final Kind kind;
        private final ThrottlePolicy policy;
        private final String subject;
        private final String address;
        /** The store keys: given when begin read the store, else hashed on first need (a reused pair's failure). */
        private String pairKey;
        private String subjectKey;
        private final ThrottleState pairSeen;
        /** Let through on this node's recent clean reading of the pair, without reading the store. */
        private final boolean reused;

        private Attempt(Kind kind, ThrottlePolicy policy, String subject, String address, String pairKey,
                        String subjectKey, ThrottleState pairSeen, boolean reused) {
            this.kind = kind;
            this.policy = policy;
            this.subject = subject;
            this.address = address;
            this.pairKey = pairKey;
            this.subjectKey = subjectKey;
            this.pairSeen = pairSeen;
            this.reused = reused;
        }

        private String pairKey() {
            if (pairKey == null) {
                pairKey = key(kind, "address", subject, address);
            }
            return pairKey;
        }

        private String subjectKey() {
            if (subjectKey == null) {
                subjectKey = key(kind, "subject", subject, "");
            }
            return subjectKey;
        }

        public void failed() {
            if (kind == Kind.CLIENT) {
                cleanPairs.remove(new CleanPair(subject, address));
            }
            Instant now = clock.instant();
            store.update(pairKey(), current -> policy.perAddress().afterFailure(current, now));
            store.update(subjectKey(), current -> policy.perSubject().afterFailure(current, now));
        }

        /**
         * Clears this address's count and trusts it past the subject's ceiling. The subject's own count is kept:
         * the owner signing in must not hand an attacker a fresh allowance.
         */
        public void succeeded() {
            if (reused) {
                return;
            }
            Instant now = clock.instant();
            Instant trustedUntil = now.plus(policy.trustFor());
            // Most logins come from an address already clean and trusted for long enough: no write then.
            boolean clean = pairSeen.failures() == 0 && pairSeen.blockedUntil() == null;
            if (clean && pairSeen.trustedUntil() != null
                    && pairSeen.trustedUntil().isAfter(now.plus(policy.trustFor().dividedBy(2)))) {
                rememberClean(now);
                return;
            }
            store.update(pairKey(), current -> new ThrottleState(0, null, null,
                    ThrottleRule.latest(current.trustedUntil(), trustedUntil), ThrottleRule.latest(current.trustedUntil(), trustedUntil)));
        }

        /** Only a client pair read clean and trusted for long yet: the trust outlasts the reuse by far. */
        private void rememberClean(Instant now) {
            if (kind != Kind.CLIENT) {
                return;
            }
            if (cleanPairs.size() >= CLEAN_PAIRS_MAX) {
                // Entries are worth a second each: starting over costs one read per pair, never a wrong answer.
                cleanPairs.clear();
            }
            cleanPairs.put(new CleanPair(subject, address), now.plus(CLEAN_PAIR_REUSE));
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
