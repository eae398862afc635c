package io.tollgate.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.OAuthException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class OAuthRequestsTest {
    @Test
    void decodesPlusPercentAndRepeats() {
        MultivaluedMap<String, String> form = OAuthRequests.parseForm("a=p%2Bw+x&b=%C3%A9&a=2&empty=&flag");
        assertThat(form.get("a")).isEqualTo(List.of("p+w x", "2"));
        assertThat(form.getFirst("b")).isEqualTo("é");
        assertThat(form.getFirst("empty")).isEmpty();
        assertThat(form.getFirst("flag")).isEmpty();
        assertThat(OAuthRequests.parseForm("")).isEmpty();
    }

    @Test
    void aMalformedEscapeIsInvalidRequest() {
        assertThatThrownBy(() -> OAuthRequests.parseForm("scope=%ZZ"))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }
}
