package io.tollgate.oauth.client;

import static io.tollgate.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {

    private static final String SECRET = "s3cr:et%+ ä";

    private final OAuthFixture f = new OAuthFixture();
    private final ClientAuthenticator authenticator = new ClientAuthenticator(f.clients);
    private final Client confidential = f.confidentialClient("conf id:1", SECRET, GrantType.PASSWORD);
    private final Client pub = f.publicClient("public-app", GrantType.AUTHORIZATION_CODE);

    private static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String rawBasic(String decoded) {
        return "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> body(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return map;
    }

    @Test
    void basicWithUrlEncodedIdAndSecretContainingColonPercentPlus() {
        assertThat(authenticator.authenticate(basic("conf id:1", SECRET), body())).isEqualTo(confidential);
    }

    @Test
    void basicSchemeIsCaseInsensitive() {
        String header = basic("conf id:1", SECRET).replace("Basic", "bAsIc");
        assertThat(authenticator.authenticate(header, body())).isEqualTo(confidential);
    }

    @Test
    void basicWithUnencodedPlusIsDecodedAsSpaceAndFails() {
        // "+" in the raw secret must be sent as %2B; a literal "+" means space after form-decoding.
        f.confidentialClient("plus", "a+b", GrantType.PASSWORD);
        assertOAuthError(() -> authenticator.authenticate(rawBasic("plus:a+b"), body()), "invalid_client");
        assertThat(authenticator.authenticate(rawBasic("plus:a%2Bb"), body()).clientId()).isEqualTo("plus");
    }

    @Test
    void malformedBase64IsInvalidClientWithChallenge() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate("Basic !!!notbase64", body()),
                "invalid_client");
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.basicChallenge()).isTrue();
    }

    @Test
    void emptyBasicIsInvalidClient() {
        assertThat(assertOAuthError(() -> authenticator.authenticate("Basic", body()), "invalid_client")
                .basicChallenge()).isTrue();
    }

    @Test
    void missingColonIsInvalidClient() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(rawBasic("justanid"), body()),
                "invalid_client");
        assertThat(e.basicChallenge()).isTrue();
    }

    @Test
    void badPercentEscapeIsInvalidClient() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(rawBasic("conf:%zz"), body()),
                "invalid_client");
        assertThat(e.basicChallenge()).isTrue();
    }

    @Test
    void basicAndBodySecretTogetherIsInvalidRequest() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(basic("conf id:1", SECRET),
                body("client_id", "conf id:1", "client_secret", SECRET)), "invalid_request");
        assertThat(e.description()).contains("Multiple client authentication methods");
    }

    @Test
    void basicWithMatchingBodyClientIdIsFine() {
        assertThat(authenticator.authenticate(basic("conf id:1", SECRET), body("client_id", "conf id:1")))
                .isEqualTo(confidential);
    }

    @Test
    void basicWithDifferentBodyClientIdIsInvalidRequest() {
        assertOAuthError(() -> authenticator.authenticate(basic("conf id:1", SECRET), body("client_id", "other")),
                "invalid_request");
    }

    @Test
    void unknownClientViaBasic() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(basic("nobody", "x"), body()),
                "invalid_client");
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.basicChallenge()).isTrue();
        assertThat(e.description()).isEqualTo("Client authentication failed.");
    }

    @Test
    void wrongSecretViaBasic() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(basic("conf id:1", "wrong"), body()),
                "invalid_client");
        assertThat(e.basicChallenge()).isTrue();
    }

    @Test
    void clientSecretPost() {
        assertThat(authenticator.authenticate(null, body("client_id", "conf id:1", "client_secret", SECRET)))
                .isEqualTo(confidential);
    }

    @Test
    void wrongSecretViaPostHasNoBasicChallenge() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(null,
                body("client_id", "conf id:1", "client_secret", "nope")), "invalid_client");
        assertThat(e.basicChallenge()).isFalse();
        assertThat(e.status()).isEqualTo(401);
    }

    @Test
    void nonBasicAuthorizationHeaderIsIgnored() {
        assertThat(authenticator.authenticate("Bearer abc",
                body("client_id", "conf id:1", "client_secret", SECRET))).isEqualTo(confidential);
        assertThat(assertOAuthError(() -> authenticator.authenticate("Bearer abc", body()), "invalid_client")
                .basicChallenge()).isFalse();
    }

    @Test
    void publicClientWithNone() {
        assertThat(authenticator.authenticate(null, body("client_id", "public-app"))).isEqualTo(pub);
    }

    @Test
    void publicClientPresentingASecretItDoesNotHaveFails() {
        assertOAuthError(() -> authenticator.authenticate(null,
                body("client_id", "public-app", "client_secret", "guess")), "invalid_client");
    }

    @Test
    void confidentialClientWithNoneFails() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(null, body("client_id", "conf id:1")),
                "invalid_client");
        assertThat(e.basicChallenge()).isFalse();
    }

    @Test
    void unknownClientWithNoneFails() {
        assertOAuthError(() -> authenticator.authenticate(null, body("client_id", "ghost")), "invalid_client");
    }

    @Test
    void noCredentialsAtAll() {
        OAuthException e = assertOAuthError(() -> authenticator.authenticate(null, body()), "invalid_client");
        assertThat(e.basicChallenge()).isFalse();
        assertOAuthError(() -> authenticator.authenticate(null, null), "invalid_client");
    }

    @Test
    void duplicatedClientIdIsInvalidRequest() {
        assertOAuthError(() -> authenticator.authenticate(null, Map.of("client_id", List.of("a", "b"))),
                "invalid_request");
    }
}
