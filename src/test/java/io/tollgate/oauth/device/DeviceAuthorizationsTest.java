package io.tollgate.oauth.device;

import static io.tollgate.oauth.device.DeviceFlowFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.token.TokenHasher;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceAuthorizationsTest {

    private final DeviceFlowFixture f = new DeviceFlowFixture();

    @Test
    void answersEveryRfc8628MemberAndKeepsOnlyHashes() {
        DeviceAuthorizationResponse response = f.start();
        assertThat(response.deviceCode()).matches("[A-Za-z0-9_-]{43}");
        assertThat(response.userCode()).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(response.verificationUri()).isEqualTo("https://auth.example/o/device/");
        assertThat(response.verificationUriComplete())
                .isEqualTo("https://auth.example/o/device/?user_code=" + response.userCode());
        assertThat(response.expiresIn()).isEqualTo(600);
        assertThat(response.interval()).isEqualTo(5);
        assertThat(response.toString()).doesNotContain(response.deviceCode()).doesNotContain(response.userCode());

        DeviceCode stored = f.store.only();
        assertThat(stored.deviceCodeHash()).isEqualTo(TokenHasher.sha256Hex(response.deviceCode()));
        assertThat(stored.userCodeHash()).isEqualTo(UserCodes.hash(response.userCode().replace("-", "")));
        assertThat(stored.status()).isEqualTo(DeviceCodeStatus.PENDING);
        assertThat(stored.clientDbId()).isEqualTo(f.tv.id());
        assertThat(stored.scope()).isEqualTo(ScopeSet.of("read"));
        assertThat(stored.expires()).isEqualTo(f.oauth.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void anIssuerWithATrailingSlashGivesTheSameUris() {
        DeviceAuthorizationResponse response = f.authorizations.authorize(f.tv, Optional.empty(), "https://a.example/");
        assertThat(response.verificationUri()).isEqualTo("https://a.example/o/device/");
    }

    @Test
    void withoutScopeTheDefaultsAreGranted() {
        f.authorizations.authorize(f.tv, Optional.empty(), DeviceFlowFixture.ISSUER);
        assertThat(f.store.only().scope()).isEqualTo(ScopeSet.of("read", "write", "groups"));
    }

    @Test
    void anUnknownScopeIsInvalidScopeAndStoresNothing() {
        assertError(() -> f.authorizations.authorize(f.tv, Optional.of("read admin"), DeviceFlowFixture.ISSUER),
                "invalid_scope");
        assertThatThrownBy(f.store::only).hasMessageContaining("0 rows");
    }

    @Test
    void aClientNotRegisteredForTheGrantIsUnauthorizedClient() {
        Client other = f.oauth.publicClient("web-public", GrantType.AUTHORIZATION_CODE);
        assertError(() -> f.authorizations.authorize(other, Optional.empty(), DeviceFlowFixture.ISSUER),
                "unauthorized_client");
    }

    @Test
    void aUserCodeThatIsTakenIsDrawnAgain() {
        // Two generators on the same seed produce the same first user code; the second draw must differ.
        DeviceAuthorizations first = new DeviceAuthorizations(f.store, f.oauth.generator,
                new UserCodes(seeded()), f.oauth.scopes, f.settings, f.oauth.clock);
        DeviceAuthorizations second = new DeviceAuthorizations(f.store, f.oauth.generator,
                new UserCodes(seeded()), f.oauth.scopes, f.settings, f.oauth.clock);
        String a = first.authorize(f.tv, Optional.empty(), DeviceFlowFixture.ISSUER).userCode();
        String b = second.authorize(f.tv, Optional.empty(), DeviceFlowFixture.ISSUER).userCode();
        assertThat(b).isNotEqualTo(a);
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42L);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
