package io.tollgate.oauth.device;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** RFC 8628 §3.1–3.2: a client asks for a device code and a user code; only their hashes are kept. */
public record DeviceAuthorizations(DeviceCodeStore store, TokenGenerator deviceCodes, UserCodes userCodes,
                                   ScopeRegistry scopes, DeviceSettings settings, Clock clock) {

    public static final String VERIFICATION_PATH = "/o/device/";
    /** Two collisions in a row among 2^40 codes mean something is wrong, not bad luck. */
    private static final int ATTEMPTS = 3;

    /**
     * @param client  already authenticated as at the token endpoint
     * @param scope   the scope parameter, if any
     * @param issuer  this server's base URL, without a trailing slash
     */
    public DeviceAuthorizationResponse authorize(Client client, Optional<String> scope, String issuer) {
        if (!client.allowsGrant(GrantType.DEVICE_CODE)) {
            throw OAuthError.UNAUTHORIZED_CLIENT.exception("Client is not authorized to use this grant type.");
        }
        ScopeSet granted = scopes.resolve(scope.orElse(null), client);
        Instant now = clock.instant();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String deviceCode = deviceCodes.generate();
            String userCode = userCodes.generate();
            DeviceCode stored = new DeviceCode(0, TokenHasher.sha256Hex(deviceCode), UserCodes.hash(userCode),
                    client.id(), granted, DeviceCodeStatus.PENDING, null, settings.interval(), null, 0, now,
                    now.plus(settings.codeLifetime()));
            if (store.insert(stored)) {
                return response(deviceCode, UserCodes.display(userCode), issuer);
            }
        }
        throw new IllegalStateException("No free user code after " + ATTEMPTS + " attempts");
    }

    private DeviceAuthorizationResponse response(String deviceCode, String userCode, String issuer) {
        String uri = io.tollgate.oauth.Issuer.endpointBase(issuer) + VERIFICATION_PATH;
        return new DeviceAuthorizationResponse(deviceCode, userCode, uri,
                uri + "?user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8),
                settings.codeLifetime().toSeconds(), settings.interval().toSeconds());
    }
}
