package io.tollgate.oauth.grant;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenParametersTest {

    @Test
    void duplicateParameterIsInvalidRequest() {
        OAuthException e = assertOAuthError(() -> new TokenParameters(
                Map.of("grant_type", List.of("password"), "scope", List.of("read", "write"))), "invalid_request");
        assertThat(e.description()).isEqualTo("Duplicate parameter: scope");
    }

    @Test
    void missingRequiredParameter() {
        TokenParameters params = TokenParameters.of(Map.of("grant_type", "password"));
        OAuthException e = assertOAuthError(() -> params.required("username"), "invalid_request");
        assertThat(e.description()).isEqualTo("Missing parameter: username");
    }

    @Test
    void emptyValueCountsAsAbsent() {
        TokenParameters params = TokenParameters.of(Map.of("scope", ""));
        assertThat(params.optional("scope")).isEmpty();
        assertOAuthError(() -> params.required("scope"), "invalid_request");
        assertThat(new TokenParameters(Map.of("scope", List.of())).optional("scope")).isEmpty();
    }

    @Test
    void presentValue() {
        TokenParameters params = TokenParameters.of(Map.of("username", "alice"));
        assertThat(params.required("username")).isEqualTo("alice");
        assertThat(params.optional("username")).contains("alice");
    }

    @Test
    void toStringNeverShowsValues() {
        assertThat(TokenParameters.of(Map.of("password", "hunter2")).toString()).doesNotContain("hunter2");
    }
}
