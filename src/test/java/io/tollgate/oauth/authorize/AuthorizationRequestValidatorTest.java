package io.tollgate.oauth.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.authorize.AuthorizationValidation.ErrorPage;
import io.tollgate.oauth.authorize.AuthorizationValidation.RedirectError;
import io.tollgate.oauth.authorize.AuthorizationValidation.Valid;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationRequestValidatorTest {
    static final String CALLBACK = "https://app.example/callback";
    static final String CHALLENGE = Pkce.s256("dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk");

    final OAuthFixture fx = new OAuthFixture();
    final AuthorizationRequestValidator validator =
            new AuthorizationRequestValidator(fx.clients, fx.scopes, AuthorizeSettings.defaults());

    AuthorizationRequestValidatorTest() {
        fx.publicClient("public-app", GrantType.AUTHORIZATION_CODE);
        fx.confidentialClient("confidential-app", "s3cret", GrantType.AUTHORIZATION_CODE);
        fx.confidentialClient("password-app", "s3cret", GrantType.PASSWORD);
    }

    static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return params;
    }

    static Map<String, List<String>> good(String... extra) {
        Map<String, List<String>> params = params("client_id", "public-app", "redirect_uri", CALLBACK,
                "response_type", "code", "state", "xyz", "code_challenge", CHALLENGE,
                "code_challenge_method", "S256");
        Map<String, List<String>> more = params(extra);
        params.putAll(more);
        return params;
    }

    @Test
    void aCompletePkceRequestIsValidAndKeepsEverything() {
        AuthorizationValidation result = validator.validate(good("scope", "read groups"));
        assertThat(result).isInstanceOf(Valid.class);
        AuthorizationRequest request = ((Valid) result).request();
        assertThat(request.client().clientId()).isEqualTo("public-app");
        assertThat(request.scope()).isEqualTo(ScopeSet.of("read", "groups"));
        assertThat(request.state()).isEqualTo("xyz");
        assertThat(request.codeChallenge()).isEqualTo(CHALLENGE);
        assertThat(request.codeChallengeMethod()).isEqualTo("S256");
    }

    @Test
    void noScopeMeansTheDefaults() {
        Valid valid = (Valid) validator.validate(good());
        assertThat(valid.request().scope()).isEqualTo(ScopeSet.of("read", "write", "groups"));
    }

    @Test
    void unknownOrMissingClientIsAnErrorPage() {
        assertThat(validator.validate(good("client_id", "x"))).isInstanceOf(ErrorPage.class);
        Map<String, List<String>> missing = good();
        missing.remove("client_id");
        assertThat(validator.validate(missing)).isInstanceOf(ErrorPage.class);
        Map<String, List<String>> twice = good();
        twice.put("client_id", List.of("public-app", "public-app"));
        assertThat(validator.validate(twice)).isInstanceOf(ErrorPage.class);
    }

    @Test
    void redirectUriMustMatchExactlyOrItIsAnErrorPage() {
        for (String uri : List.of(CALLBACK + "/", CALLBACK + "?x=1", "https://APP.example/callback",
                "https://evil.example/callback", CALLBACK + "#frag")) {
            Map<String, List<String>> params = good();
            params.put("redirect_uri", List.of(uri));
            assertThat(validator.validate(params)).as(uri)
                    .isEqualTo(new ErrorPage(AuthorizationRequestValidator.BAD_REDIRECT));
        }
        Map<String, List<String>> missing = good();
        missing.remove("redirect_uri");
        assertThat(validator.validate(missing)).isEqualTo(new ErrorPage(AuthorizationRequestValidator.MISSING_REDIRECT));
    }

    @Test
    void implicitGrantIsUnsupportedResponseType() {
        RedirectError error = (RedirectError) validator.validate(good("response_type", "token"));
        assertThat(error.error()).isEqualTo("unsupported_response_type");
        assertThat(error.redirectUri()).isEqualTo(CALLBACK);
        assertThat(error.state()).isEqualTo("xyz");
    }

    @Test
    void missingResponseTypeIsInvalidRequest() {
        Map<String, List<String>> params = good();
        params.remove("response_type");
        assertThat(((RedirectError) validator.validate(params)).error()).isEqualTo("invalid_request");
    }

    @Test
    void repeatedParameterIsInvalidRequestWithoutEchoingARepeatedState() {
        Map<String, List<String>> params = good();
        params.put("scope", List.of("read", "write"));
        RedirectError error = (RedirectError) validator.validate(params);
        assertThat(error.error()).isEqualTo("invalid_request");
        assertThat(error.state()).isEqualTo("xyz");
        params = good();
        params.put("state", List.of("a", "b"));
        RedirectError stateTwice = (RedirectError) validator.validate(params);
        assertThat(stateTwice.state()).isNull();
    }

    @Test
    void clientWithoutTheCodeGrantIsUnauthorizedClient() {
        RedirectError error = (RedirectError) validator.validate(
                good("client_id", "password-app", "code_challenge", CHALLENGE));
        assertThat(error).isNotNull();
        assertThat(error.error()).isEqualTo("unauthorized_client");
    }

    @Test
    void unknownScopeIsInvalidScope() {
        RedirectError error = (RedirectError) validator.validate(good("scope", "read admin"));
        assertThat(error.error()).isEqualTo("invalid_scope");
    }

    @Test
    void publicClientMustUsePkce() {
        Map<String, List<String>> params = good();
        params.remove("code_challenge");
        params.remove("code_challenge_method");
        RedirectError error = (RedirectError) validator.validate(params);
        assertThat(error.error()).isEqualTo("invalid_request");
        assertThat(error.description()).contains("PKCE");
    }

    @Test
    void confidentialClientMayOmitPkceButMayAlsoUseIt() {
        Map<String, List<String>> params = good("client_id", "confidential-app");
        assertThat(validator.validate(params)).isInstanceOf(Valid.class);
        params.remove("code_challenge");
        params.remove("code_challenge_method");
        Valid valid = (Valid) validator.validate(params);
        assertThat(valid.request().codeChallenge()).isNull();
    }

    @Test
    void plainIsRefusedByDefaultAndAbsentMethodMeansPlain() {
        String plainChallenge = "a".repeat(43);
        RedirectError explicit = (RedirectError) validator.validate(
                good("code_challenge", plainChallenge, "code_challenge_method", "plain"));
        assertThat(explicit.description()).contains("plain");
        Map<String, List<String>> implicit = good("code_challenge", plainChallenge);
        implicit.remove("code_challenge_method");
        assertThat(((RedirectError) validator.validate(implicit)).description()).contains("plain");
    }

    @Test
    void plainIsAcceptedWhenConfigured() {
        AuthorizationRequestValidator lenient =
                new AuthorizationRequestValidator(fx.clients, fx.scopes, new AuthorizeSettings(true, true));
        Valid valid = (Valid) lenient.validate(good("code_challenge", "a".repeat(43), "code_challenge_method", "plain"));
        assertThat(valid.request().codeChallengeMethod()).isEqualTo("plain");
    }

    @Test
    void unknownMethodOrMalformedChallengeOrMethodAloneIsInvalidRequest() {
        assertThat(((RedirectError) validator.validate(good("code_challenge_method", "S512"))).error())
                .isEqualTo("invalid_request");
        assertThat(((RedirectError) validator.validate(good("code_challenge", "short"))).error())
                .isEqualTo("invalid_request");
        Map<String, List<String>> methodOnly = good();
        methodOnly.remove("code_challenge");
        assertThat(((RedirectError) validator.validate(methodOnly)).description()).contains("without");
    }

    @Test
    void clientTypeOfFixtureIsWhatTheTestsAssume() {
        assertThat(fx.clients.findByClientId("public-app").orElseThrow().type()).isEqualTo(ClientType.PUBLIC);
    }
}
