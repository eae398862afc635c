package io.tollgate.oauth.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import org.junit.jupiter.api.Test;

class AuthorizationResponsesTest {
    final AuthorizationResponses responses = new AuthorizationResponses("https://auth.example");
    final OAuthFixture fx = new OAuthFixture();

    AuthorizationRequest request(String redirectUri, String state) {
        return new AuthorizationRequest(fx.publicClient("app", GrantType.AUTHORIZATION_CODE), redirectUri,
                ScopeSet.of("read"), state, null, null);
    }

    @Test
    void successCarriesCodeStateAndIssuerEncoded() {
        assertThat(responses.success(request("https://app.example/cb", "s t&x"), "abc").location())
                .isEqualTo("https://app.example/cb?code=abc&state=s%20t%26x&iss=https%3A%2F%2Fauth.example");
    }

    @Test
    void registeredQueryIsKept() {
        assertThat(responses.success(request("https://app.example/cb?tenant=1", null), "abc").location())
                .isEqualTo("https://app.example/cb?tenant=1&code=abc&iss=https%3A%2F%2Fauth.example");
    }

    @Test
    void errorCarriesErrorDescriptionStateAndIssuer() {
        String uri = responses.error(new AuthorizationValidation.RedirectError(
                "https://app.example/cb", "access_denied", "The user denied access.", "xyz")).location();
        assertThat(uri).isEqualTo("https://app.example/cb?error=access_denied"
                + "&error_description=The%20user%20denied%20access.&state=xyz&iss=https%3A%2F%2Fauth.example");
    }
}
