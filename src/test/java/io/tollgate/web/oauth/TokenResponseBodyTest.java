package io.tollgate.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenResponseBodyTest {
    private final ObjectMapper mapper = Jackson.newObjectMapper();

    @Test
    void contributedMembersFollowTheStandardOnes() throws Exception {
        TokenResponse response = new TokenResponse("at", "Bearer", 60, null, ScopeSet.of("openid"))
                .with(Map.of("id_token", "eyJ.x.y"));
        assertThat(mapper.writeValueAsString(TokenResponseBody.of(response))).isEqualTo(
                "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"openid\","
                        + "\"id_token\":\"eyJ.x.y\"}");
    }

    @Test
    void withoutContributionsTheBodyIsTheTutorials() throws Exception {
        TokenResponse response = new TokenResponse("at", "Bearer", 36000, "rt", ScopeSet.of("read", "write"));
        assertThat(mapper.writeValueAsString(TokenResponseBody.of(response))).isEqualTo(
                "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":36000,\"refresh_token\":\"rt\","
                        + "\"scope\":\"read write\"}");
    }
}
