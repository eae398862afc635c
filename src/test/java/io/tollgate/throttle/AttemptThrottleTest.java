package io.tollgate.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.MutableClock;
import io.tollgate.throttle.AttemptThrottle.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryThrottleStore store = new InMemoryThrottleStore();
    private final List<String> refusals = new ArrayList<>();
    // 3 per address, 10 per user, 1 s doubling up to 60 s, forgotten after 10 min, trusted for a day.
    private final ThrottlePolicy policy = new ThrottlePolicy(
            new ThrottleRule(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10)),
            new ThrottleRule(10, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10)),
            Duration.ofDays(1));
    private final AttemptThrottle throttle = new AttemptThrottle(store, clock, policy, policy,
            (kind, subject, address, wait, ceiling) -> refusals.add(kind + " " + subject + " " + address + " "
                    + wait.toSeconds() + (ceiling ? " ceiling" : " address")));

    private void fail(Kind kind, String subject, String address) {
        throttle.begin(kind, subject, address).failed();
    }

    private Duration waitFor(Kind kind, String subject, String address) {
        try {
            throttle.begin(kind, subject, address);
            return Duration.ZERO;
        } catch (Throttled throttled) {
            return throttled.retryAfter();
        }
    }

    @Test
    void aCleanClientPairSkipsTheStoreForASecondAndAFailureOnThisNodeEndsThatAtOnce() {
        AttemptThrottle otherNode = new AttemptThrottle(store, clock, policy, policy, (k, s, a, w, c) -> { });
        throttle.begin(Kind.CLIENT, "app", "10.0.0.9").succeeded();
        // Read clean and trusted for long yet: this node takes that reading as read for a second.
        throttle.begin(Kind.CLIENT, "app", "10.0.0.9").succeeded();
        for (int i = 0; i < 3; i++) {
            otherNode.begin(Kind.CLIENT, "app", "10.0.0.9").failed();
        }
        assertThat(waitFor(Kind.CLIENT, "app", "10.0.0.9")).as("blocked in the store, unread here").isZero();
        assertThat(waitFor(Kind.CLIENT, "app", "10.0.0.10")).as("the block is the pair's alone").isZero();

        // A failure reported on the reused attempt is counted in the store and ends the reuse.
        fail(Kind.CLIENT, "app", "10.0.0.9");
        assertThat(waitFor(Kind.CLIENT, "app", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(1));
        assertThat(waitFor(Kind.CLIENT, "app", "10.0.0.9")).as("the fourth failure doubled the wait")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(waitFor(Kind.LOGIN, "app", "10.0.0.9")).as("logins are counted apart").isZero();
    }

    @Test
    void backOffDoublesAfterTheFreeFailuresUpToTheMaximum() {
        fail(Kind.LOGIN, "alice", "10.0.0.1");
        fail(Kind.LOGIN, "alice", "10.0.0.1");
        assertThat(waitFor(Kind.LOGIN, "alice", "10.0.0.1")).isZero();
        fail(Kind.LOGIN, "alice", "10.0.0.1");
        assertThat(waitFor(Kind.LOGIN, "alice", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clock.advance(waitFor(Kind.LOGIN, "alice", "10.0.0.1"));
            fail(Kind.LOGIN, "alice", "10.0.0.1");
            waits.add(waitFor(Kind.LOGIN, "alice", "10.0.0.1").toSeconds());
        }
        assertThat(waits).containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aThrottledAttemptIsNotCountedAndIsReported() {
        for (int i = 0; i < 3; i++) {
            fail(Kind.LOGIN, "bob", "10.0.0.2");
        }
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> throttle.begin(Kind.LOGIN, "bob", "10.0.0.2")).isInstanceOf(Throttled.class);
        }
        clock.advance(Duration.ofSeconds(1));
        // Still the 1 s step: the five refused attempts added nothing.
        fail(Kind.LOGIN, "bob", "10.0.0.2");
        assertThat(waitFor(Kind.LOGIN, "bob", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(refusals).hasSize(6).first().isEqualTo("LOGIN bob 10.0.0.2 1 address");
    }

    @Test
    void failuresFromOneAddressDoNotSlowAnotherAddress() {
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(61));
            fail(Kind.LOGIN, "carol", "198.51.100.7");
        }
        assertThat(waitFor(Kind.LOGIN, "carol", "198.51.100.7")).isPositive();
        assertThat(waitFor(Kind.LOGIN, "carol", "203.0.113.5")).isZero();
    }

    @Test
    void theCeilingAcrossAddressesSlowsNewAddressesButNotOneThatSignedInRecently() {
        throttle.begin(Kind.LOGIN, "dave", "192.0.2.1").succeeded();
        for (int i = 0; i < 10; i++) {
            fail(Kind.LOGIN, "dave", "198.51.100." + i);
        }
        assertThat(waitFor(Kind.LOGIN, "dave", "203.0.113.9")).isEqualTo(Duration.ofSeconds(1));
        assertThat(refusals).last().asString().endsWith("ceiling");
        assertThat(waitFor(Kind.LOGIN, "dave", "192.0.2.1")).isZero();
        // Trust runs out: then the ceiling applies to that address too.
        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < 10; i++) {
            fail(Kind.LOGIN, "dave", "198.51.100." + (20 + i));
        }
        assertThat(waitFor(Kind.LOGIN, "dave", "192.0.2.1")).isPositive();
    }

    @Test
    void aSuccessClearsTheAddressCountButNotTheCeiling() {
        for (int i = 0; i < 2; i++) {
            fail(Kind.LOGIN, "erin", "10.0.0.3");
        }
        throttle.begin(Kind.LOGIN, "erin", "10.0.0.3").succeeded();
        fail(Kind.LOGIN, "erin", "10.0.0.3");
        fail(Kind.LOGIN, "erin", "10.0.0.3");
        assertThat(waitFor(Kind.LOGIN, "erin", "10.0.0.3")).isZero();
        for (int i = 0; i < 6; i++) {
            fail(Kind.LOGIN, "erin", "198.51.100." + i);
        }
        // 2 + 2 + 6 = 10 failures for erin in all: the ceiling holds for a stranger.
        assertThat(waitFor(Kind.LOGIN, "erin", "203.0.113.1")).isPositive();
    }

    @Test
    void countsAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 3; i++) {
            fail(Kind.LOGIN, "frank", "10.0.0.4");
        }
        clock.advance(Duration.ofMinutes(10));
        fail(Kind.LOGIN, "frank", "10.0.0.4");
        assertThat(waitFor(Kind.LOGIN, "frank", "10.0.0.4")).isZero();
    }

    @Test
    void loginsAndClientsAreCountedApartAndUnknownSubjectsLikeKnownOnes() {
        for (int i = 0; i < 3; i++) {
            fail(Kind.CLIENT, "same-name", "10.0.0.5");
        }
        assertThat(waitFor(Kind.CLIENT, "same-name", "10.0.0.5")).isPositive();
        assertThat(waitFor(Kind.LOGIN, "same-name", "10.0.0.5")).isZero();
        assertThat(refusals).first().asString().startsWith("CLIENT same-name");
    }

    @Test
    void rowsHoldNoSubjectOrAddressAndEveryRowEnds() {
        fail(Kind.LOGIN, "grace\u0000", "10.0.0.6");
        throttle.begin(Kind.LOGIN, "heidi", "10.0.0.7").succeeded();
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.rows()).allSatisfy(row -> assertThat(row.expires()).isAfter(clock.instant()));
        assertThat(AttemptThrottle.key(Kind.LOGIN, "address", "grace\u0000", "10.0.0.6")).matches("[0-9a-f]{64}");
        // The two parts of a key cannot be shifted into each other.
        assertThat(AttemptThrottle.key(Kind.LOGIN, "address", "a\n", "b"))
                .isNotEqualTo(AttemptThrottle.key(Kind.LOGIN, "address", "a", "\nb"));
    }
}
