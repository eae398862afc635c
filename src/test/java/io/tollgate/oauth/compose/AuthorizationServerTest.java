package io.tollgate.oauth.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.client.ClientAuthenticationMethod;
import io.tollgate.oauth.client.ClientAuthenticationRequest;
import io.tollgate.oauth.client.ClientRegistrationException;
import io.tollgate.oauth.client.ClientRegistrationRequest;
import io.tollgate.oauth.grant.GrantHandler;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.grant.TokenParameters;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientTokenSettings;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.token.AccessTokenFormat;
import io.tollgate.oauth.token.MintedAccessToken;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What plugs in from outside through the composition root shows up everywhere it should, with no other edit. */
class AuthorizationServerTest {
    private static final GrantType EXAMPLE = GrantType.of("urn:ietf:params:oauth:grant-type:example");

    /** A grant that issues a client-only access token; needs a redirect URI, adds an endpoint and an error. */
    private record ExampleGrant(TokenService tokens) implements GrantHandler {
        @Override
        public GrantType grantType() {
            return EXAMPLE;
        }

        @Override
        public TokenResponse handle(Client client, TokenParameters params) {
            return tokens.issue(TokenContext.of(client, null, ScopeSet.of("read"), EXAMPLE), false);
        }

        @Override
        public Optional<String> label() {
            return Optional.of("Example");
        }

        @Override
        public Map<String, Object> metadata(String issuer) {
            return Map.of("example_endpoint", issuer + "/o/example/");
        }

        @Override
        public Set<OAuthError> errorCodes() {
            return Set.of(OAuthError.SLOW_DOWN);
        }

        @Override
        public List<RegistrationProblem> registrationProblems(ClientType type, List<String> redirectUris) {
            return type == ClientType.PUBLIC ? List.of(new RegistrationProblem("client_type", "Not for public."))
                    : List.of();
        }
    }

    /** A header-based method, e.g. what mTLS would add. */
    private record HeaderMethod() implements ClientAuthenticationMethod {
        @Override
        public String name() {
            return "example_header";
        }

        @Override
        public boolean isPresentIn(ClientAuthenticationRequest request) {
            return "example".equalsIgnoreCase(request.authorizationScheme());
        }

        @Override
        public Client authenticate(ClientAuthenticationRequest request, ClientStore clients) {
            return clients.findByClientId(request.authorizationHeader().substring("example ".length())).orElseThrow();
        }

        @Override
        public boolean provesSecret() {
            return true;
        }
    }

    /** A format recognisable by its prefix, as a JWT is by its shape. */
    private record PrefixedFormat() implements AccessTokenFormat {
        @Override
        public String name() {
            return "prefixed";
        }

        @Override
        public MintedAccessToken mint(TokenContext context, Instant issuedAt, Instant expiresAt) {
            String value = "px." + context.client().clientId() + "." + issuedAt.getEpochSecond();
            return new MintedAccessToken(value, TokenHasher.sha256Hex(value));
        }

        @Override
        public Optional<String> verify(String presented) {
            return presented.startsWith("px.") ? Optional.of(TokenHasher.sha256Hex(presented)) : Optional.empty();
        }
    }

    private final OAuthFixture f = new OAuthFixture();
    private final AuthorizationServer server = f.build(UnaryOperator.identity(), List.of(
            builder -> builder.grant(core -> new ExampleGrant(core.tokens()))
                    .clientAuthenticationMethod(new HeaderMethod())
                    .accessTokenFormat(new PrefixedFormat())
                    .tokenResponseContributor((context, response) -> context.grantType().equals(EXAMPLE)
                            ? Map.of("example_member", "for " + context.client().clientId()) : Map.of())));

    @Test
    void anAddedGrantIsInTheMetadataThePagesAndTheRegistry() {
        Map<String, Object> metadata = server.metadata().describe("https://auth.example");
        assertThat(metadata.get("grant_types_supported")).isEqualTo(List.of("authorization_code", "password",
                "client_credentials", "refresh_token", EXAMPLE.wireName()));
        assertThat(metadata.get("example_endpoint")).isEqualTo("https://auth.example/o/example/");
        assertThat(server.grants().labels()).containsEntry(EXAMPLE, "Example").doesNotContainKey(GrantType.REFRESH_TOKEN);
        assertThat(server.grants().byName("example")).contains(EXAMPLE);
        assertThat(server.grants().errorCodes()).containsExactly(OAuthError.SLOW_DOWN);
    }

    @Test
    void anAddedGrantsRegistrationRulesApply() {
        Assertions.assertThatThrownBy(() -> server.registrations().register(new ClientRegistrationRequest(List.of(),
                        ClientType.PUBLIC, Set.of(EXAMPLE), "Spa", null, null, false, null, null)))
                .isInstanceOfSatisfying(ClientRegistrationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("client_type", List.of("Not for public.")));
        assertThat(server.registrations().register(new ClientRegistrationRequest(List.of(), ClientType.CONFIDENTIAL,
                Set.of(EXAMPLE), "Svc", null, null, false, null, null)).client().grantTypes()).containsExactly(EXAMPLE);
    }

    @Test
    void anAddedGrantIsDispatchedAndAContributorAddsItsMember() {
        Client client = f.confidentialClient("svc", "secret", EXAMPLE);
        TokenResponse response = server.grants().dispatch(client,
                TokenParameters.of(Map.of("grant_type", EXAMPLE.wireName())));
        assertThat(response.additionalMembers()).containsExactly(Map.entry("example_member", "for svc"));
        assertThat(server.accessTokenValidator().validate(response.accessToken()).isValid()).isTrue();
    }

    @Test
    void anAddedMethodAuthenticatesAndIsAdvertised() {
        Client client = f.confidentialClient("svc", "secret", GrantType.CLIENT_CREDENTIALS);
        assertThat(server.clientAuthenticator().authenticate("Example svc", Map.of())).isEqualTo(client);
        assertThat(server.metadata().describe("https://a.example").get("token_endpoint_auth_methods_supported"))
                .isEqualTo(List.of("client_secret_basic", "client_secret_post", "none", "example_header"));
        assertThat(server.metadata().describe("https://a.example").get("introspection_endpoint_auth_methods_supported"))
                .isEqualTo(List.of("client_secret_basic", "client_secret_post", "example_header"));
    }

    @Test
    void aClientsTokenSettingsChooseTheFormatAndTheValidatorRecognisesIt() {
        Client plain = f.confidentialClient("plain", "secret", GrantType.CLIENT_CREDENTIALS);
        Client prefixed = f.clients.add(new Client(900, "prefixed", TokenHasher.sha256Hex("secret"), "p", null,
                ClientType.CONFIDENTIAL, Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), null, null,
                new ClientTokenSettings(java.time.Duration.ofSeconds(60), null, "prefixed"), f.clock.instant(),
                f.clock.instant()));
        TokenResponse opaque = server.grants().dispatch(plain, TokenParameters.of(Map.of("grant_type",
                "client_credentials")));
        TokenResponse own = server.grants().dispatch(prefixed, TokenParameters.of(Map.of("grant_type",
                "client_credentials")));
        assertThat(opaque.accessToken()).hasSize(43).doesNotStartWith("px.");
        assertThat(own.accessToken()).startsWith("px.prefixed.");
        assertThat(own.expiresIn()).isEqualTo(60);
        assertThat(server.accessTokenValidator().validate(own.accessToken()).claims().clientId())
                .isEqualTo("prefixed");
    }
}
