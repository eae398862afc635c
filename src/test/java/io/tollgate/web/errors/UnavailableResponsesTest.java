package io.tollgate.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A 503 speaks the language of the endpoint it answers for. */
class UnavailableResponsesTest {
    @Test
    void oauthEndpointsGetRfc6749Json() {
        for (String path : new String[] {"o/token/", "/o/revoke_token/", "o/introspect", ".well-known/oauth-authorization-server"}) {
            Response response = UnavailableResponses.forPath(path);
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(response.getEntity()).isInstanceOfSatisfying(OAuthErrorBody.class,
                    body -> assertThat(body.error()).isEqualTo("temporarily_unavailable"));
        }
    }

    @Test
    void pagesGetHtmlAndTheApiGetsDetail() {
        for (String path : new String[] {"o/authorize/", "o/applications/", "accounts/login/"}) {
            assertThat(UnavailableResponses.forPath(path).getMediaType().toString()).startsWith("text/html");
        }
        for (String path : new String[] {"users/", "groups/3/", "", null}) {
            Response response = UnavailableResponses.forPath(path);
            assertThat(response.getEntity()).isEqualTo(new ApiError("The service is temporarily unavailable."));
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        }
    }
}
