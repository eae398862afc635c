package io.tollgate.oauth.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthAssertions;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The device flow over in-memory stores on the OAuth fixture's clock and clients. */
final class DeviceFlowFixture {
    static final String ISSUER = "https://auth.example";

    final OAuthFixture oauth = new OAuthFixture();
    final InMemoryDeviceCodeStore store = new InMemoryDeviceCodeStore();
    final DeviceSettings settings = DeviceSettings.defaults();
    final UserCodeThrottle throttle = new UserCodeThrottle(settings, oauth.clock);
    final DeviceAuthorizations authorizations = new DeviceAuthorizations(store, oauth.generator, new UserCodes(),
            oauth.scopes, settings, oauth.clock);
    final DevicePolling polling = new DevicePolling(store, oauth.clock);
    final DeviceVerification verification = new DeviceVerification(store, oauth.clients, throttle, settings,
            oauth.clock);
    final Client tv = oauth.publicClient("tv-public", GrantType.DEVICE_CODE);

    DeviceAuthorizationResponse start() {
        return authorizations.authorize(tv, Optional.of("read"), ISSUER);
    }

    static UserCodeThrottle.Typist typist(String session, long userId) {
        return new UserCodeThrottle.Typist(session, userId);
    }

    /** Every RFC 8628 answer and every refusal here is a 400 with this error code (RFC 6749 §5.2). */
    static void assertError(ThrowingCallable call, String error) {
        assertThat(OAuthAssertions.assertOAuthError(call, error).status()).isEqualTo(400);
    }
}
