package io.tollgate.oauth.client;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.throttle.InMemoryThrottleStore;
import io.tollgate.throttle.ThrottleObserver;
import io.tollgate.throttle.ThrottlePolicy;
import io.tollgate.throttle.ThrottleRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorThrottleTest {
    private final OAuthFixture f = new OAuthFixture();
    private final ThrottlePolicy policy = new ThrottlePolicy(
            new ThrottleRule(3, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1)),
            new ThrottleRule(10, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1)),
            Duration.ofDays(30));
    private final ClientAuthenticator authenticator = new ClientAuthenticator(f.clients, ClientAuthenticator.standardMethods(),
            new AttemptThrottle(new InMemoryThrottleStore(), f.clock, policy, policy, ThrottleObserver.NONE));
    private final Client app = f.confidentialClient("app", "the-secret", GrantType.PASSWORD);

    private static Map<String, List<String>> post(String id, String secret) {
        return Map.of("client_id", List.of(id), "client_secret", List.of(secret));
    }

    @Test
    void wrongSecretsFromOneAddressAreThrottledAsInvalidClientWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            String guess = "x" + i;
            OAuthException wrong = assertOAuthError(() -> authenticator.authenticate(null, post("app", guess), "198.51.100.3"),
                    "invalid_client");
            assertThat(wrong.retryAfterSeconds()).isNull();
        }
        OAuthException throttled = assertOAuthError(
                () -> authenticator.authenticate(null, post("app", "the-secret"), "198.51.100.3"), "invalid_client");
        assertThat(throttled.retryAfterSeconds()).isEqualTo(5L);
        assertThat(throttled.description()).contains("Wait 5 seconds");
        assertThat(throttled.status()).isEqualTo(401);

        assertThat(authenticator.authenticate(null, post("app", "the-secret"), "192.0.2.20")).isEqualTo(app);
        f.clock.advance(Duration.ofSeconds(5));
        assertThat(authenticator.authenticate(null, post("app", "the-secret"), "198.51.100.3")).isEqualTo(app);
    }

    @Test
    void theCeilingPerClientIdSparesTheAddressTheClientUses() {
        assertThat(authenticator.authenticate(null, post("app", "the-secret"), "192.0.2.21")).isEqualTo(app);
        for (int i = 0; i < 10; i++) {
            String address = "203.0.113." + i;
            assertOAuthError(() -> authenticator.authenticate(null, post("app", "guess"), address), "invalid_client");
        }
        OAuthException stranger = assertOAuthError(
                () -> authenticator.authenticate(null, post("app", "the-secret"), "198.51.100.99"), "invalid_client");
        assertThat(stranger.retryAfterSeconds()).isEqualTo(5L);
        assertThat(authenticator.authenticate(null, post("app", "the-secret"), "192.0.2.21")).isEqualTo(app);
    }
}
