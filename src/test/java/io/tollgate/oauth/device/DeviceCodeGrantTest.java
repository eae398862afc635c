package io.tollgate.oauth.device;

import static io.tollgate.oauth.device.DeviceFlowFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.client.ClientRegistrationRequest;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The device grant registered in the composition root with its one line, and what that line alone brings:
 * the token endpoint, the metadata document, the pages' label, the registration rules and the refresh rule.
 */
class DeviceCodeGrantTest {

    private final OAuthFixture f = new OAuthFixture();
    private final InMemoryDeviceCodeStore store = new InMemoryDeviceCodeStore();
    private final DeviceFlow deviceFlow = new DeviceFlow(store, DeviceSettings.defaults());
    private final AuthorizationServer server = f.build(UnaryOperator.identity(),
            List.of(builder -> builder.grant(deviceFlow::grant)));
    private final DeviceAuthorizations authorizations = deviceFlow.authorizations(server);
    private final DeviceVerification verification = deviceFlow.verification(server);
    private final Client tv = f.publicClient("tv-public", GrantType.DEVICE_CODE);
    private final ResourceOwner alice = f.owners.add("alice", "pw", true);

    private DeviceAuthorizationResponse approved(Client client) {
        DeviceAuthorizationResponse started = authorizations.authorize(client, Optional.of("read write"),
                "https://auth.example");
        assertThat(verification.decide(started.userCode(), true,
                new UserCodeThrottle.Typist("session", alice.userId()))).isInstanceOf(UserCodeCheck.Decided.class);
        return started;
    }

    private TokenResponse redeem(Client client, String deviceCode) {
        return server.grants().dispatch(client, TokenParameters.of(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode)));
    }

    @Test
    void anApprovedCodeGetsATokenPairForTheApprovingUserAndItsScope() {
        DeviceAuthorizationResponse started = approved(tv);
        TokenResponse tokens = redeem(tv, started.deviceCode());
        assertThat(tokens.scope().asString()).isEqualTo("read write");
        assertThat(tokens.refreshToken()).isNotNull();
        assertThat(f.tokenStore.findAccessToken(TokenHasher.sha256Hex(tokens.accessToken())).orElseThrow().userId())
                .isEqualTo(alice.userId());
        assertError(() -> redeem(tv, started.deviceCode()), "invalid_grant");
    }

    @Test
    void theRefreshTokenWorksForADeviceOnlyClient() {
        TokenResponse tokens = redeem(tv, approved(tv).deviceCode());
        TokenResponse refreshed = server.grants().dispatch(tv, TokenParameters.of(Map.of(
                "grant_type", "refresh_token", "refresh_token", tokens.refreshToken())));
        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
    }

    @Test
    void aUserDeactivatedAfterApprovingGetsTheDeviceNothing() {
        DeviceAuthorizationResponse started = approved(tv);
        f.owners.setActive(alice.userId(), false);
        assertError(() -> redeem(tv, started.deviceCode()), "invalid_grant");
    }

    @Test
    void theDeviceCodeParameterIsRequired() {
        assertError(() -> server.grants().dispatch(tv, TokenParameters.of(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code"))), "invalid_request");
    }

    @Test
    void aClientNotRegisteredForTheGrantIsUnauthorizedClientAtTheTokenEndpoint() {
        DeviceAuthorizationResponse started = approved(tv);
        Client web = f.publicClient("web-public", GrantType.AUTHORIZATION_CODE);
        assertError(() -> redeem(web, started.deviceCode()), "unauthorized_client");
        f.clock.advance(Duration.ofSeconds(5));
        assertThat(redeem(tv, started.deviceCode()).accessToken()).isNotNull();
    }

    @Test
    void theMetadataDocumentListsTheEndpointAndTheGrant() {
        Map<String, Object> metadata = server.metadata().describe("https://auth.example/");
        assertThat(metadata.get("device_authorization_endpoint"))
                .isEqualTo("https://auth.example/o/device-authorization/");
        assertThat(metadata.get("grant_types_supported").toString())
                .contains("urn:ietf:params:oauth:grant-type:device_code", "authorization_code", "password");
        assertThat(f.server.metadata().describe("https://auth.example")).doesNotContainKey(
                "device_authorization_endpoint");
    }

    @Test
    void thePagesOfferItAndOperatorsNameItShortOrInFull() {
        assertThat(server.grants().labels()).containsEntry(GrantType.DEVICE_CODE, "Device code");
        assertThat(server.grants().byName("device_code")).contains(GrantType.DEVICE_CODE);
        assertThat(server.grants().byName("urn:ietf:params:oauth:grant-type:device_code"))
                .contains(GrantType.DEVICE_CODE);
        assertThat(server.grants().errorCodes()).contains(OAuthError.AUTHORIZATION_PENDING, OAuthError.SLOW_DOWN,
                OAuthError.EXPIRED_TOKEN, OAuthError.ACCESS_DENIED);
        assertThat(f.server.grants().byName("device_code")).isEmpty();
    }

    @Test
    void publicAndConfidentialClientsRegisterForItWithoutARedirectUri() {
        for (ClientType type : ClientType.values()) {
            RegisteredClient registered = server.registrations().register(new ClientRegistrationRequest(
                    List.of(), type, Set.of(GrantType.DEVICE_CODE), "TV " + type, null, null, false, null, null));
            assertThat(registered.client().grantTypes()).containsExactly(GrantType.DEVICE_CODE);
            assertThat(server.grants().allows(registered.client(), GrantType.REFRESH_TOKEN)).isTrue();
        }
    }
}
