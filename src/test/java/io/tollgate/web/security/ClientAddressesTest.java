package io.tollgate.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private final ClientAddresses none = new ClientAddresses(List.of());
    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1", "::1"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(none.resolve("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedPeerIsReplacedByTheRightmostUntrustedHop() {
        // The client wrote "1.2.3.4" itself; the proxies appended the real hops.
        assertThat(behindProxies.resolve("10.1.1.1", List.of("1.2.3.4, 198.51.100.9, 10.2.2.2")))
                .isEqualTo("198.51.100.9");
        assertThat(behindProxies.resolve("192.0.2.1", List.of("1.2.3.4", "198.51.100.10"))).isEqualTo("198.51.100.10");
        assertThat(behindProxies.resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(behindProxies.resolve("198.51.100.3", List.of("10.0.0.5"))).isEqualTo("198.51.100.3");
    }

    @Test
    void garbageInTheHeaderStopsTheWalkAndNamesAreNeverLookedUp() {
        assertThat(behindProxies.resolve("10.1.1.1", List.of("example.com"))).isEqualTo("10.1.1.1");
        assertThat(behindProxies.resolve("10.1.1.1", List.of("198.51.100.1, not-an-ip, 10.3.3.3"))).isEqualTo("10.3.3.3");
        assertThat(behindProxies.resolve("10.1.1.1", List.of(""))).isEqualTo("10.1.1.1");
    }

    @Test
    void aMalformedTrustedProxyFailsAtStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
    }
}
