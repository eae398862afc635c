package io.tollgate.oauth.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.authorize.AuthorizationValidation.ErrorPage;
import io.tollgate.oauth.authorize.AuthorizationValidation.RedirectError;
import io.tollgate.oauth.authorize.AuthorizationValidation.Valid;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which response mode a request gets and how each mode renders its success and error responses, over in-memory
 * stores with the fixture's fixed clock: the decisions the authorization endpoint only puts on the wire.
 */
class ResponseModeTest {
    static final String CALLBACK = "https://app.example/callback";
    static final String ISSUER = "https://auth.example/o";
    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";

    final OAuthFixture fx = new OAuthFixture();
    final AuthorizationRequestValidator validator =
            new AuthorizationRequestValidator(fx.clients, fx.scopes, AuthorizeSettings.defaults());
    final AuthorizationCodeIssuer codes = new AuthorizationCodeIssuer(fx.codes, fx.generator,
            TokenSettings.defaults(), fx.clock);
    final AuthorizationResponses responses = new AuthorizationResponses(ISSUER);

    ResponseModeTest() {
        fx.publicClient("spa", GrantType.AUTHORIZATION_CODE);
        fx.confidentialClient("password-app", "s3cret", GrantType.PASSWORD);
    }

    static Map<String, List<String>> request(String clientId, String... extra) {
        Map<String, List<String>> params = new HashMap<>();
        String[] pairs = {"client_id", clientId, "redirect_uri", CALLBACK, "response_type", "code", "state", "s&t",
                "code_challenge", Pkce.s256(VERIFIER), "code_challenge_method", "S256"};
        for (String[] list : new String[][] {pairs, extra}) {
            for (int i = 0; i < list.length; i += 2) {
                params.computeIfAbsent(list[i], k -> new ArrayList<>()).add(list[i + 1]);
            }
        }
        return params;
    }

    private AuthorizationRequest valid(String... extra) {
        AuthorizationValidation result = validator.validate(request("spa", extra));
        assertThat(result).as(result.toString()).isInstanceOf(Valid.class);
        return ((Valid) result).request();
    }

    private RedirectError refused(String clientId, String... extra) {
        AuthorizationValidation result = validator.validate(request(clientId, extra));
        assertThat(result).as(result.toString()).isInstanceOf(RedirectError.class);
        return (RedirectError) result;
    }

    @Test
    void theCodeFlowDefaultsToQueryAndTheConsentFormOnlyCarriesAModeThatWasSent() {
        AuthorizationRequest plain = valid();
        assertThat(plain.responseMode()).isEqualTo(ResponseMode.QUERY);
        assertThat(plain.responseModeSent()).isFalse();
        AuthorizationRequest explicit = valid("response_mode", "query");
        assertThat(explicit.responseMode()).isEqualTo(ResponseMode.QUERY);
        assertThat(explicit.responseModeSent()).isTrue();
        assertThat(valid("response_mode", "fragment").responseMode()).isEqualTo(ResponseMode.FRAGMENT);
        assertThat(valid("response_mode", "form_post").responseMode()).isEqualTo(ResponseMode.FORM_POST);
        assertThat(valid("response_mode", "").responseMode()).as("empty is omitted (RFC 6749 §3.1)")
                .isEqualTo(ResponseMode.QUERY);
    }

    @Test
    void aCodeInTheFragmentIsTheStoredCodeAfterTheHashWithStateAndIssuer() {
        AuthorizationRequest request = valid("response_mode", "fragment", "scope", "read");
        long alice = fx.owners.add("alice", "pw", true).userId();
        String code = codes.issue(request, alice);
        AuthorizationResponse response = responses.success(request, code);

        assertThat(response.redirects()).isTrue();
        assertThat(response.location()).isEqualTo(CALLBACK + "#code=" + code
                + "&state=s%26t&iss=https%3A%2F%2Fauth.example%2Fo");
        assertThat(response.location()).doesNotContain("?");
        AuthorizationCode stored = fx.codes.consume(TokenHasher.sha256Hex(code), fx.clock.instant()).orElseThrow();
        assertThat(stored.userId()).isEqualTo(alice);
        assertThat(stored.scope()).isEqualTo(ScopeSet.of("read"));
    }

    @Test
    void formPostIsNotARedirectButTheParametersInOrderForTheRegisteredUri() {
        AuthorizationRequest request = valid("response_mode", "form_post");
        AuthorizationResponse response = responses.success(request, "the-code");
        assertThat(response.redirects()).isFalse();
        assertThat(response.redirectUri()).isEqualTo(CALLBACK);
        assertThat(response.parameters()).containsExactly(Map.entry("code", "the-code"), Map.entry("state", "s&t"),
                Map.entry("iss", ISSUER));
        assertThatThrownBy(response::location).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void errorsGoBackInTheModeTheRequestNamed() {
        RedirectError unauthorized = refused("password-app", "response_mode", "form_post");
        assertThat(unauthorized.error()).isEqualTo("unauthorized_client");
        AuthorizationResponse posted = responses.error(unauthorized);
        assertThat(posted.redirects()).isFalse();
        assertThat(posted.parameters()).containsKeys("error", "error_description", "state", "iss");

        RedirectError badScope = refused("spa", "response_mode", "fragment", "scope", "nope");
        assertThat(badScope.error()).isEqualTo("invalid_scope");
        assertThat(responses.error(badScope).location()).startsWith(CALLBACK + "#error=invalid_scope&");

        RedirectError repeated = refused("spa", "response_mode", "fragment", "scope", "read", "scope", "write");
        assertThat(repeated.responseMode()).as("known before the repetition is found").isEqualTo(ResponseMode.FRAGMENT);
        assertThat(responses.error(repeated).location()).startsWith(CALLBACK + "#error=invalid_request&");

        RedirectError denied = new RedirectError(CALLBACK, "access_denied", "No.", null, ResponseMode.QUERY);
        assertThat(responses.error(denied).location()).isEqualTo(CALLBACK
                + "?error=access_denied&error_description=No.&iss=https%3A%2F%2Fauth.example%2Fo");
    }

    @Test
    void anUnknownOrRepeatedModeIsInvalidRequestInTheQuery() {
        for (String bad : new String[] {"Fragment", "form-post", "jwt", "query.jwt", "query fragment", "fragment\u0000"}) {
            RedirectError error = refused("spa", "response_mode", bad);
            assertThat(error.error()).as(bad).isEqualTo("invalid_request");
            assertThat(error.responseMode()).as(bad).isEqualTo(ResponseMode.QUERY);
            assertThat(responses.error(error).location()).as(bad).startsWith(CALLBACK + "?error=invalid_request&");
        }
        RedirectError twice = refused("spa", "response_mode", "fragment", "response_mode", "form_post");
        assertThat(twice.error()).isEqualTo("invalid_request");
        assertThat(twice.responseMode()).isEqualTo(ResponseMode.QUERY);
    }

    @Test
    void aBadClientOrRedirectUriIsAnErrorPageWhateverTheMode() {
        Map<String, List<String>> params = request("spa", "response_mode", "form_post");
        params.put("redirect_uri", List.of("https://evil.example/callback"));
        assertThat(validator.validate(params)).isInstanceOf(ErrorPage.class);
        assertThat(validator.validate(request("nobody", "response_mode", "fragment"))).isInstanceOf(ErrorPage.class);
    }

    @Test
    void metadataListsExactlyTheModesThatRender() {
        assertThat(ResponseMode.supported()).containsExactly("query", "fragment", "form_post");
        for (ResponseMode mode : ResponseMode.values()) {
            assertThat(ResponseMode.fromWireName(mode.wireName())).contains(mode);
        }
    }
}
