package io.tollgate.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IssuerTest {
    @Test
    void aConfiguredIssuerWinsOverTheRequestAndLosesItsTrailingSlash() {
        Issuer issuer = new Issuer("https://auth.example/");
        assertThat(issuer.isConfigured()).isTrue();
        assertThat(issuer.resolve(URI.create("http://10.0.0.5:8000/"))).isEqualTo("https://auth.example");
    }

    @Test
    void withoutOneTheRequestsSchemeAndAuthorityAreUsed() {
        Issuer issuer = new Issuer(" ");
        assertThat(issuer.isConfigured()).isFalse();
        assertThat(issuer.resolve(URI.create("http://localhost:8000/"))).isEqualTo("http://localhost:8000");
    }
}
