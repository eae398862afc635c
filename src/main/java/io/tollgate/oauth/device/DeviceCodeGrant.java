package io.tollgate.oauth.device;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.grant.GrantHandler;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenService;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 8628 §3.4: {@code grant_type=urn:ietf:params:oauth:grant-type:device_code} at the token endpoint. Public
 * and confidential clients alike, no redirect URI; issues a refresh token, so the device keeps working after
 * the access token expires without the user typing a code again.
 */
public record DeviceCodeGrant(DevicePolling polling, ResourceOwnerAuthenticator owners,
                              TokenService tokens) implements GrantHandler {

    public static final String DEVICE_AUTHORIZATION_PATH = "/o/device-authorization/";

    @Override
    public GrantType grantType() {
        return GrantType.DEVICE_CODE;
    }

    @Override
    public TokenResponse handle(Client client, TokenParameters params) {
        DeviceCode code = polling.redeem(client, params.required("device_code"));
        // Approved by a user who has since been deactivated or deleted: nobody to issue tokens for.
        if (code.userId() == null || owners.findActive(code.userId()).isEmpty()) {
            throw DeviceErrors.invalidCode();
        }
        return tokens.issue(TokenContext.of(client, code.userId(), code.scope(), GrantType.DEVICE_CODE), true);
    }

    @Override
    public boolean issuesRefreshTokens() {
        return true;
    }

    @Override
    public Optional<String> label() {
        return Optional.of("Device code");
    }

    @Override
    public Map<String, Object> metadata(String endpointBase) {
        return Map.of("device_authorization_endpoint", endpointBase + DEVICE_AUTHORIZATION_PATH);
    }

    @Override
    public Set<OAuthError> errorCodes() {
        return Set.of(OAuthError.AUTHORIZATION_PENDING, OAuthError.SLOW_DOWN, OAuthError.ACCESS_DENIED,
                OAuthError.EXPIRED_TOKEN);
    }
}
