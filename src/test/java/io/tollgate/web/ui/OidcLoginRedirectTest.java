package io.tollgate.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OidcLoginRedirectTest {
    @Test
    void dropsOnlyWhatAFreshSignInSatisfies() {
        assertThat(OidcLoginRedirect.next(URI.create("/o/authorize/?client_id=a&prompt=login&max_age=0&state=s")))
                .isEqualTo("/o/authorize/?client_id=a&state=s");
        assertThat(OidcLoginRedirect.next(URI.create("/o/authorize/?prompt=login%20consent&x=1")))
                .isEqualTo("/o/authorize/?prompt=consent&x=1");
        assertThat(OidcLoginRedirect.next(URI.create("/o/authorize/?prompt=select_account")))
                .isEqualTo("/o/authorize/");
        assertThat(OidcLoginRedirect.next(URI.create("/o/authorize/?scope=openid+email&prompt=consent")))
                .isEqualTo("/o/authorize/?scope=openid+email&prompt=consent");
    }
}
