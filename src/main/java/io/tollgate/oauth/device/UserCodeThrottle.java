package io.tollgate.oauth.device;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.Objects;

/**
 * Bounds user-code guessing (RFC 8628 §5.1) per browser session and per account. An attempt is counted before
 * the code is looked up and forgiven when the code was right, so simultaneous guesses cannot all slip under the
 * limit. Counts are per node and bounded in memory, like the login throttle; a count lapses
 * {@code failureWindow} after its key's last attempt.
 */
public final class UserCodeThrottle {

    private final int perSession;
    private final int perUser;
    private final Cache<String, Integer> attempts;

    public UserCodeThrottle(DeviceSettings settings, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.perSession = settings.maxFailuresPerSession();
        this.perUser = settings.maxFailuresPerUser();
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.attempts = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(settings.failureWindow())
                .maximumSize(100_000).build();
    }

    /** Who is typing: the hash of their session id and their user id. */
    public record Typist(String sessionKey, long userId) {
        public Typist {
            Objects.requireNonNull(sessionKey, "sessionKey");
        }

        String sessionEntry() {
            return "session:" + sessionKey;
        }

        String userEntry() {
            return "user:" + userId;
        }
    }

    /** Counts an attempt; false (and counted all the same) when the session or the account is over its limit. */
    public boolean begin(Typist typist) {
        int session = attempts.asMap().merge(typist.sessionEntry(), 1, Integer::sum);
        int user = attempts.asMap().merge(typist.userEntry(), 1, Integer::sum);
        return session <= perSession && user <= perUser;
    }

    /** The code was right: the attempt does not count against anyone. */
    public void forgive(Typist typist) {
        attempts.asMap().computeIfPresent(typist.sessionEntry(), (key, count) -> count > 1 ? count - 1 : null);
        attempts.asMap().computeIfPresent(typist.userEntry(), (key, count) -> count > 1 ? count - 1 : null);
    }
}
