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

    @Test
    void anIssuersPathNamesItWhileItsEndpointsStayOnItsOrigin() {
        assertThat(Issuer.endpointBase("https://host.example/o")).isEqualTo("https://host.example");
        assertThat(Issuer.endpointBase("http://127.0.0.1:8000/o")).isEqualTo("http://127.0.0.1:8000");
        assertThat(Issuer.endpointBase("https://host.example")).isEqualTo("https://host.example");
        assertThat(Issuer.path("https://host.example/o")).isEqualTo("/o");
        assertThat(Issuer.path("https://host.example/tenants/a/")).isEqualTo("/tenants/a");
        assertThat(Issuer.path("https://host.example")).isEmpty();
        assertThat(new Issuer("https://host.example/o").resolve(URI.create("http://10.0.0.5/")))
                .as("kept exactly as configured").isEqualTo("https://host.example/o");
    }
}
