package io.tollgate.oauth.device;

import io.tollgate.oauth.cleanup.PurgeKind;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.compose.CoreServices;
import io.tollgate.oauth.grant.GrantHandler;
import java.util.Objects;

/**
 * The device authorization grant (RFC 8628) as one pluggable part: its token-endpoint handler and its purge kind
 * for the composition root ({@code builder.grant(deviceFlow::grant).purge(DEVICE_CODES, ...)}), and the services
 * behind its two endpoints, built from the assembled server so they share its clock, generator, scopes and clients.
 */
public final class DeviceFlow {
    /** Device codes past expiry or redeemed, purged like authorization codes ({@code Builder.purge}). */
    public static final PurgeKind DEVICE_CODES = new PurgeKind("device_codes", false);

    private final DeviceCodeStore store;
    private final DeviceSettings settings;

    public DeviceFlow(DeviceCodeStore store, DeviceSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The grant_type=urn:ietf:params:oauth:grant-type:device_code handler, for {@code Builder.grant}. */
    public GrantHandler grant(CoreServices core) {
        return new DeviceCodeGrant(new DevicePolling(store, core.clock()), core.ports().owners(), core.tokens());
    }

    /** Behind POST /o/device-authorization/. */
    public DeviceAuthorizations authorizations(AuthorizationServer server) {
        return new DeviceAuthorizations(store, server.generator(), new UserCodes(), server.settings().scopes(),
                settings, server.clock());
    }

    /** Behind the verification page. Holds the guessing throttle, so build it once per server. */
    public DeviceVerification verification(AuthorizationServer server) {
        return new DeviceVerification(store, server.ports().clients(), new UserCodeThrottle(settings, server.clock()),
                settings, server.clock());
    }
}
