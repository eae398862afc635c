package io.tollgate.oauth.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationResponsesTest {
    final AuthorizationResponses responses = new AuthorizationResponses("https://auth.example");

    @Test
    void successCarriesCodeStateAndIssuerEncoded() {
        assertThat(responses.success("https://app.example/cb", "abc", "s t&x"))
                .isEqualTo("https://app.example/cb?code=abc&state=s%20t%26x&iss=https%3A%2F%2Fauth.example");
    }

    @Test
    void registeredQueryIsKept() {
        assertThat(responses.success("https://app.example/cb?tenant=1", "abc", null))
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
