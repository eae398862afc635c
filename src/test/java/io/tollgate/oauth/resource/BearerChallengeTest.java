package io.tollgate.oauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.model.ScopeSet;
import org.junit.jupiter.api.Test;

class BearerChallengeTest {
    @Test
    void parametersAppearOnlyWhenGivenInTheRfcsOrder() {
        assertThat(BearerChallenge.missing("api").headerValue()).isEqualTo("Bearer realm=\"api\"");
        assertThat(BearerChallenge.error("api", OAuthError.INVALID_TOKEN, "The access token has expired.")
                .headerValue())
                .isEqualTo("Bearer realm=\"api\", error=\"invalid_token\", "
                        + "error_description=\"The access token has expired.\"");
        assertThat(BearerChallenge.insufficientScope(null, null, ScopeSet.of("read", "groups")).headerValue())
                .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"read groups\"");
    }

    @Test
    void quotesInsideValuesAreEscaped() {
        assertThat(BearerChallenge.error("a\"b", OAuthError.INVALID_REQUEST, "say \\\"hi\\\"").headerValue())
                .isEqualTo("Bearer realm=\"a\\\"b\", error=\"invalid_request\", "
                        + "error_description=\"say \\\\\\\"hi\\\\\\\"\"");
    }
}
