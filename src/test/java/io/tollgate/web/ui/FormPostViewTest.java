package io.tollgate.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.authorize.AuthorizationResponse;
import io.tollgate.oauth.authorize.ResponseMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the form_post page lets through its CSP, and what it shows. */
class FormPostViewTest {
    @Test
    void formActionIsTheRedirectUrisOriginAndPathWithoutItsQuery() {
        assertThat(FormPostView.formActionSource("https://rp.example/cb")).isEqualTo("https://rp.example/cb");
        assertThat(FormPostView.formActionSource("HTTPS://rp.example:8443/a/cb?tenant=1"))
                .isEqualTo("https://rp.example:8443/a/cb");
        assertThat(FormPostView.formActionSource("http://127.0.0.1:9/callback")).isEqualTo("http://127.0.0.1:9/callback");
    }

    @Test
    void aPathACspSourceCannotCarryFallsBackToTheOriginNeverToAWiderPolicy() {
        // ';' and ',' end a directive or a policy; a quote would open a keyword.
        assertThat(FormPostView.formActionSource("https://rp.example/a;b")).isEqualTo("https://rp.example");
        assertThat(FormPostView.formActionSource("https://rp.example/a,b")).isEqualTo("https://rp.example");
        assertThat(FormPostView.formActionSource("https://rp.example/it's")).isEqualTo("https://rp.example");
        assertThat(FormPostView.formActionSource("https://rp.example")).isEqualTo("https://rp.example");
        assertThat(FormPostView.formActionSource("com.example.app:/cb")).isEqualTo("com.example.app:");
    }

    @Test
    void theFieldsAreTheResponseParametersInOrder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "c");
        params.put("state", "<s>");
        params.put("iss", "https://as.example/o");
        FormPostView view = new FormPostView(new PageContext(Optional.empty(), null, "t".repeat(43), true),
                new AuthorizationResponse("https://rp.example/cb", ResponseMode.FORM_POST, params));
        assertThat(view.getAction()).isEqualTo("https://rp.example/cb");
        assertThat(view.getDestination()).isEqualTo("rp.example");
        assertThat(view.getFields()).extracting(FormPostView.Field::name).containsExactly("code", "state", "iss");
        assertThat(view.getFields().get(1).value()).isEqualTo("<s>");
    }
}
