package io.tollgate.oauth.device;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * RFC 8628 §3.4–3.5: a device polls the token endpoint with its device code. Answers authorization_pending,
 * slow_down (and the interval grows by 5 s), access_denied, expired_token, or — once, for exactly one poll —
 * the approved authorization, from which the grant issues tokens.
 */
public final class DevicePolling {

    private final DeviceCodeStore store;
    private final Clock clock;

    public DevicePolling(DeviceCodeStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The approved authorization, now consumed; or throws the RFC 8628 error this poll deserves. */
    public DeviceCode redeem(Client client, String deviceCode) {
        DeviceCode code = store.findByDeviceCode(TokenHasher.sha256Hex(deviceCode))
                .filter(found -> found.clientDbId() == client.id())
                .orElseThrow(DeviceErrors::invalidCode);
        Instant now = clock.instant();
        if (code.status() == DeviceCodeStatus.CONSUMED) {
            // Spent by an earlier poll. Not treated as theft: the code never left the device and its TLS channel,
            // and a client that polls twice at once must not lose the tokens the winning poll just received.
            throw DeviceErrors.invalidCode();
        }
        if (code.isExpired(clock)) {
            throw DeviceErrors.expiredToken();
        }
        if (code.status() == DeviceCodeStatus.DENIED) {
            throw DeviceErrors.accessDenied();
        }
        // Compare-and-set on the last poll: of two polls at once, one is recorded and the other is too fast.
        if (code.pollsTooSoon(now) || !store.recordPoll(code.id(), code.lastPolled(), now)) {
            store.slowDown(code.id(), now, DeviceSettings.SLOW_DOWN_STEP);
            throw DeviceErrors.slowDown();
        }
        if (code.status() == DeviceCodeStatus.PENDING) {
            throw DeviceErrors.authorizationPending();
        }
        if (!store.consume(code.id(), now)) {
            throw DeviceErrors.invalidCode();
        }
        return code;
    }
}
